package com.studio.assetregistry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract of {@link AssetStore}, written once for every storage type: a storage type runs it by a subclass
 * whose application context puts the registry on it (see {@code storage.jdbc.SqliteStorageTests} and
 * {@code PostgresStorageTests}). It uses the storage interfaces only: versions are registered through
 * {@link LoadStore}, as the application does.
 */
public abstract class AssetStoreContract extends RegistryIntegrationTest {

    private static final AssetKey HERO = new AssetKey("hero", "character");

    @Autowired
    private AssetStore store;

    @Autowired
    private LoadStore loads;

    @BeforeEach
    void someAssets() {
        register(v("villain", "fx", "animation", 1, "active"), v("hero", "character", "rigging", 1, "inactive"),
                v("hero", "character", "modeling", 2, "active"), v("hero", "character", "modeling", 1, "active"),
                v("hero", "prop", "modeling", 1, "active"));
    }

    @Test
    void findsAnAssetWithItsVersionsInDepartmentAndVersionOrder() {
        assertThat(store.findAsset(HERO)).hasValueSatisfying(asset -> assertThat(asset.versions()).containsExactly(
                new AssetVersion("modeling", 1, "active"), new AssetVersion("modeling", 2, "active"),
                new AssetVersion("rigging", 1, "inactive")));
    }

    @Test
    void findsNothingForAnUnknownAssetOrAnotherType() {
        assertThat(store.findAsset(new AssetKey("hero", "set"))).isEmpty();
        assertThat(store.exists(new AssetKey("nobody", "character"))).isFalse();
        assertThat(store.exists(HERO)).isTrue();
        assertThat(store.listVersions(new AssetKey("nobody", "character"))).isEmpty();
    }

    @Test
    void namesTheLoadInProgressThatHasWrittenAnAssetNotYetRegistered() {
        long pending = loads.startRun("load", "nightly.json", 0, Instant.now());
        loads.claimRun(pending, "c0ffee", "4242@render-node-7");
        loads.write(pending, List.of(new StagedVersion(RecordPosition.ofNumber(1), v("dragon", "prop", "fx", 1,
                "active"))));

        assertThat(store.exists(new AssetKey("dragon", "prop"))).isFalse();
        assertThat(store.pendingLoadOf(new AssetKey("dragon", "prop"))).hasValue(pending);
        assertThat(store.pendingLoadOf(HERO)).as("registered").isEmpty();
        assertThat(store.pendingLoadOf(new AssetKey("nobody", "prop"))).as("unknown").isEmpty();
        assertThat(store.pendingLoadOf(new AssetKey("dragon\u0000", "prop"))).isEmpty();

        assertThat(loads.abandonRun(loads.findRun(pending).orElseThrow())).isTrue();
        assertThat(store.pendingLoadOf(new AssetKey("dragon", "prop"))).as("its load gone").isEmpty();
    }

    @Test
    void findsNothingForATextHoldingANulWhichNoStoredTextHolds() {
        // PostgreSQL refuses a NUL in a parameter; a client can send one in a query string
        AssetKey nul = new AssetKey("hero\u0000", "character");
        assertThat(store.findAsset(nul)).isEmpty();
        assertThat(store.exists(nul)).isFalse();
        assertThat(store.findAsset(new AssetKey("hero", "char\u0000acter"))).isEmpty();
        assertThat(store.findVersions(nul, 1)).isEmpty();
        assertThat(store.findVersion(HERO, "rig\u0000ging", 1)).isEmpty();
        assertThat(store.listAssets(new AssetFilter("char\u0000acter", null), null, 10)).isEmpty();
        assertThat(store.listAssets(new AssetFilter(null, "hero\u0000*"), null, 10)).isEmpty();
    }

    @Test
    void countsTheAssetsOfEachTypeInTypeOrder() {
        assertThat(store.countAssetsByType()).containsExactly(entry("character", 1L), entry("fx", 1L),
                entry("prop", 1L));
    }

    @Test
    void tellsWhetherARegisteredAssetOrVersionHoldsAValue() {
        assertThat(store.holdsType("fx")).isTrue();
        assertThat(store.holdsType("set")).isFalse();
        assertThat(store.holdsType("FX")).isFalse();
        assertThat(store.holdsType("f\u0000x")).isFalse();
        assertThat(store.holdsDepartment("animation")).isTrue();
        assertThat(store.holdsDepartment("fx")).isFalse();
        assertThat(store.holdsStatus("inactive")).isTrue();
        assertThat(store.holdsStatus("retired")).isFalse();
    }

    @Test
    void listsAssetsByNameThenType() {
        assertThat(store.listAssets()).containsExactly(HERO, new AssetKey("hero", "prop"),
                new AssetKey("villain", "fx"));
    }

    @Test
    void listsAPageOfAssetsWithTheirVersionCountsFromTheKeyAfterTheLastPage() {
        assertThat(store.listAssets(AssetFilter.ALL, null, 2)).containsExactly(
                new AssetListing("hero", "character", 3), new AssetListing("hero", "prop", 1));
        assertThat(store.listAssets(AssetFilter.ALL, new AssetKey("hero", "prop"), 2)).containsExactly(
                new AssetListing("villain", "fx", 1));
        assertThat(store.listAssets(AssetFilter.ALL, new AssetKey("villain", "fx"), 2)).isEmpty();
    }

    @Test
    void refusesAPageOfNoAsset() {
        assertThatThrownBy(() -> store.listAssets(AssetFilter.ALL, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersAListingByTypeAndByAWholeNamePattern() {
        register(v("hero_2", "prop", "modeling", 1, "active"), v("hero%2", "prop", "modeling", 1, "active"));

        assertThat(names(new AssetFilter("prop", null))).containsExactly("hero/prop", "hero%2/prop", "hero_2/prop");
        assertThat(names(new AssetFilter(null, "h*"))).containsExactly("hero/character", "hero/prop", "hero%2/prop",
                "hero_2/prop");
        assertThat(names(new AssetFilter(null, "HERO"))).containsExactly("hero/character", "hero/prop");
        assertThat(names(new AssetFilter(null, "hero?2"))).containsExactly("hero%2/prop", "hero_2/prop");
        assertThat(names(new AssetFilter("prop", "hero_*"))).containsExactly("hero_2/prop");
        assertThat(names(new AssetFilter(null, "hero%2"))).containsExactly("hero%2/prop");
        assertThat(names(new AssetFilter(null, "ero*"))).isEmpty();
    }

    @Test
    void aNamePatternOfAnyLengthMatchesWhatItCan() {
        // SQLite refuses a LIKE pattern over 50,000 bytes as "too complex"; no name is over 1,024 characters
        register(v("h".repeat(1024), "prop", "modeling", 1, "active"));

        assertThat(names(new AssetFilter(null, "*".repeat(60_000)))).contains("h".repeat(1024) + "/prop");
        assertThat(names(new AssetFilter(null, "*h".repeat(30_000)))).isEmpty();
        assertThat(names(new AssetFilter(null, "\u00e9".repeat(25_001)))).isEmpty();
        assertThat(names(new AssetFilter(null, "*" + "h".repeat(1024) + "*".repeat(60_000))))
                .containsExactly("h".repeat(1024) + "/prop");
        assertThat(names(new AssetFilter(null, "h".repeat(1025)))).isEmpty();
    }

    @Test
    void filtersAListingByAnExactNamePrefixOfAnyCharacters() {
        // names next to the prefix's edges: a case variant, the wildcard and LIKE characters, code points at the top
        // of the Basic Multilingual Plane and beyond it
        for (String name : List.of("Hero", "hero*", "hero%", "herp", "her\uFFFF", "her\uFFFFa", "her\uD83D\uDC09",
                "her\uD83D\uDC09x", "he\uDBFF\uDFFF", "he\uDBFF\uDFFFz")) {
            register(v(name, "prop", "modeling", 1, "active"));
        }

        assertThat(names(AssetFilter.prefixed(null, "hero"))).containsExactly("hero/character", "hero/prop",
                "hero%/prop", "hero*/prop");
        assertThat(names(AssetFilter.prefixed("prop", "hero*"))).containsExactly("hero*/prop");
        assertThat(names(AssetFilter.prefixed(null, "Her"))).containsExactly("Hero/prop");
        assertThat(names(AssetFilter.prefixed(null, "her\uFFFF"))).containsExactly("her\uFFFF/prop", "her\uFFFFa/prop");
        assertThat(names(AssetFilter.prefixed(null, "her\uD83D\uDC09"))).containsExactly("her\uD83D\uDC09/prop",
                "her\uD83D\uDC09x/prop");
        assertThat(names(AssetFilter.prefixed(null, "he\uDBFF\uDFFF"))).containsExactly("he\uDBFF\uDFFF/prop",
                "he\uDBFF\uDFFFz/prop");
        assertThat(names(AssetFilter.prefixed(null, "x"))).isEmpty();
        assertThat(store.listAssets(AssetFilter.prefixed(null, "hero"), new AssetKey("hero", "prop"), 1))
                .extracting(AssetListing::name).containsExactly("hero%");
    }

    @Test
    void ordersNamesByCodePointWhateverTheLocale() {
        // a locale's collation would put "Zeta" after "alpha", ignore "_" and "-", and sort "é" beside "e"
        register(v("alpha", "prop", "modeling", 1, "active"), v("Zeta", "prop", "modeling", 1, "active"),
                v("a_b", "prop", "modeling", 1, "active"), v("a-c", "prop", "modeling", 1, "active"),
                v("élan", "prop", "modeling", 1, "active"), v("ab", "prop", "modeling", 1, "active"));

        assertThat(names(new AssetFilter("prop", null))).containsExactly("Zeta/prop", "a-c/prop", "a_b/prop",
                "ab/prop", "alpha/prop", "hero/prop", "élan/prop");
        assertThat(store.listAssets(new AssetFilter("prop", null), new AssetKey("a_b", "prop"), 2))
                .extracting(AssetListing::name).containsExactly("ab", "alpha");
    }

    @Test
    void findsAVersionNumberInEveryDepartmentThatHasIt() {
        assertThat(store.findVersions(HERO, 1)).containsExactly(new AssetVersion("modeling", 1, "active"),
                new AssetVersion("rigging", 1, "inactive"));
        assertThat(store.findVersions(HERO, 2)).containsExactly(new AssetVersion("modeling", 2, "active"));
        assertThat(store.findVersions(HERO, 3)).isEmpty();
    }

    @Test
    void findsOneVersionByDepartmentAndNumber() {
        assertThat(store.findVersion(HERO, "rigging", 1)).contains(new AssetVersion("rigging", 1, "inactive"));
        assertThat(store.findVersion(HERO, "rigging", 2)).isEmpty();
    }

    @Test
    void streamsEveryVersionInExportOrder() {
        List<String> seen = new ArrayList<>();
        store.forEachVersion(v -> seen.add(v.label()));

        assertThat(seen).containsExactly("hero/character/modeling v1", "hero/character/modeling v2",
                "hero/character/rigging v1", "hero/prop/modeling v1", "villain/fx/animation v1");
        assertThat(store.countVersions()).isEqualTo(5);
    }

    @Test
    void streamsMoreVersionsThanOneFetchHolds() {
        List<StagedVersion> many = new ArrayList<>();
        for (int version = 1; version <= 2_500; version++) {
            many.add(new StagedVersion(RecordPosition.ofNumber(version),
                    v("crowd", "character", "animation", version, "active")));
        }
        register(many);
        long[] seen = {0};
        int[] last = {0};

        store.forEachVersion(v -> {
            if (v.asset().name().equals("crowd")) {
                assertThat(v.version().version()).isEqualTo(last[0] + 1);
                last[0]++;
            }
            seen[0]++;
        });

        assertThat(last[0]).isEqualTo(2_500);
        assertThat(seen[0]).isEqualTo(store.countVersions()).isEqualTo(2_505);
    }

    private List<String> names(AssetFilter filter) {
        return store.listAssets(filter, null, 100).stream().map(listing -> listing.key().toString()).toList();
    }

    private void register(VersionedAsset... versions) {
        List<StagedVersion> staged = new ArrayList<>();
        for (VersionedAsset version : versions) {
            staged.add(new StagedVersion(RecordPosition.ofNumber(staged.size() + 1), version));
        }
        register(staged);
    }

    private void register(List<StagedVersion> staged) {
        long run = loads.startRun("load", "seed", 0, Instant.now());
        loads.write(run, staged);
        assertThat(loads.resolve(run, finding -> {
            throw new AssertionError("A seed version was not registered: " + finding);
        }).registered()).isEqualTo(staged.size());
    }

    private static VersionedAsset v(String name, String type, String department, int version, String status) {
        return new VersionedAsset(new AssetKey(name, type), new AssetVersion(department, version, status));
    }
}
