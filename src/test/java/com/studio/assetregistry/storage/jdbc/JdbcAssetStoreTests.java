package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.storage.AssetStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/** The asset store's queries and the schema's constraints, against a real SQLite file. */
class JdbcAssetStoreTests extends RegistryIntegrationTest {

    private static final AssetKey HERO = new AssetKey("hero", "character");

    @Autowired
    private AssetStore store;

    @BeforeEach
    void someAssets() {
        insert("villain", "fx", "animation", 1, "active");
        insert("hero", "character", "rigging", 1, "inactive");
        insert("hero", "character", "modeling", 2, "active");
        insert("hero", "character", "modeling", 1, "active");
        insert("hero", "prop", "modeling", 1, "active");
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
    void countsTheAssetsOfEachTypeInTypeOrder() {
        assertThat(store.countAssetsByType()).containsExactly(entry("character", 1L), entry("fx", 1L),
                entry("prop", 1L));
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
    void filtersAListingByTypeAndByAWholeNamePattern() {
        insert("hero_2", "prop", "modeling", 1, "active");
        insert("hero%2", "prop", "modeling", 1, "active");

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
    void theDatabaseRefusesASecondAssetWithTheSameNameAndType() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theDatabaseRefusesADuplicateVersionAndAVersionBelowOne() {
        long heroId = assetId("hero", "character");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row VALUES (?, 'modeling', 1, 'inactive', 0, 0)",
                heroId)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row VALUES (?, 'cfx', 0, 'active', 0, 0)",
                heroId)).isInstanceOf(DataIntegrityViolationException.class);
    }

    private List<String> names(AssetFilter filter) {
        return store.listAssets(filter, null, 100).stream().map(listing -> listing.key().toString()).toList();
    }

    private void insert(String name, String type, String department, int version, String status) {
        jdbc.update("INSERT INTO asset_row (name, type) VALUES (?, ?) ON CONFLICT DO NOTHING", name, type);
        jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) VALUES (?, ?, ?, ?, 0)",
                assetId(name, type), department, version, status);
    }

    private long assetId(String name, String type) {
        return count("SELECT id FROM asset WHERE name = ? AND type = ?", name, type);
    }
}
