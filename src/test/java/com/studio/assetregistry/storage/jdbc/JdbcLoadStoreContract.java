package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.StagedFinding;
import com.studio.assetregistry.storage.StagedVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the JDBC load store does beyond {@code LoadStoreContract}, on every database it runs on: a large run's gaps are
 * found in one pass over the registry's versions, a small run's group by group, with the same result; and a run's rows
 * are removed, whatever its size, without touching another's. Run by
 * {@link SqliteStorageTests} and {@link PostgresStorageTests}.
 */
abstract class JdbcLoadStoreContract extends RegistryIntegrationTest {

    @Autowired
    private LoadStore store;

    @Autowired
    private AssetStore assets;

    @Autowired
    private PlatformTransactionManager transactions;

    private final List<StagedFinding> findings = new ArrayList<>();

    @Test
    void findsTheSameGapsInOnePassOverTheRegistryAsGroupByGroup() {
        var onePass = new JdbcLoadStore(jdbc, 0);
        long first = store.startRun("load", "test", 0, Instant.now());
        store.write(first, List.of(v(1, "hero", "modeling", 1)));
        store.resolve(first, findings::add);
        long run = onePass.startRun("load", "test", 0, Instant.now());
        onePass.write(run, List.of(v(1, "hero", "modeling", 3), v(2, "hero", "modeling", 2),
                v(3, "hero", "rigging", 2), v(4, "villain", "fx", 1), v(5, "villain", "fx", 4)));

        Resolution resolution = onePass.resolve(run, findings::add);

        assertThat(resolution).isEqualTo(new Resolution(3, 0, 2));
        assertThat(findings).extracting(f -> f.position().recordNumber(), f -> f.finding().completeUpTo())
                .containsExactly(tuple(3L, 0L), tuple(5L, 1L));
        assertThat(registered()).containsExactly("hero/character/modeling v1 active",
                "hero/character/modeling v2 active", "hero/character/modeling v3 active",
                "villain/character/fx v1 active");
    }

    @Test
    void aRunThatBecomesLargeBetweenChunksIsCheckedInOnePass() {
        var store = new JdbcLoadStore(jdbc, 2);
        long run = store.startRun("load", "test", 0, Instant.now());
        // the first chunk keeps the run small, and notes its groups; the second makes it large, and notes none
        store.write(run, List.of(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 3)));
        store.write(run, List.of(v(3, "villain", "fx", 1), v(4, "villain", "fx", 3)));

        Resolution resolution = store.resolve(run, findings::add);

        assertThat(resolution).isEqualTo(new Resolution(2, 0, 2));
        assertThat(findings).extracting(f -> f.position().recordNumber()).containsExactly(2L, 4L);
        assertThat(registered()).containsExactly("hero/character/modeling v1 active", "villain/character/fx v1 active");
    }

    @ParameterizedTest(name = "a run is large above {0} written rows")
    @ValueSource(longs = {0, 50_000})
    void countsNoVersionOfAnotherPendingRunAndEveryRegisteredOne(long largeRun) {
        var store = new JdbcLoadStore(jdbc, largeRun);
        long registered = store.startRun("load", "test", 0, Instant.now());
        store.write(registered, List.of(v(1, "hero", "rigging", 1)));
        store.resolve(registered, findings::add);
        long pending = store.startRun("api", "test", 0, Instant.now());
        store.write(pending, List.of(v(1, "hero", "modeling", 1)));
        long run = store.startRun("load", "test", 0, Instant.now());
        store.write(run, List.of(v(1, "hero", "modeling", 2), v(2, "hero", "rigging", 2)));

        Resolution resolution = store.resolve(run, findings::add);

        // modeling v2 is above a gap while the other run's v1 is not registered; rigging v2 follows a registered v1
        assertThat(resolution).isEqualTo(new Resolution(1, 0, 1));
        assertThat(findings).extracting(f -> f.position().recordNumber(), f -> f.finding().completeUpTo())
                .containsExactly(tuple(1L, 0L));
        assertThat(registered()).containsExactly("hero/character/rigging v1 active",
                "hero/character/rigging v2 active");
    }

    @ParameterizedTest(name = "a run is large above {0} written rows")
    @ValueSource(longs = {0, 2, 50_000})
    void abandoningARunRemovesWhatItWroteAndNothingElse(long largeRun) {
        var store = new JdbcLoadStore(jdbc, largeRun);
        long run = writeTwoChunksOverARegisteredHero(store);

        assertThat(store.abandonRun(store.findRun(run).orElseThrow())).isTrue();

        assertOnlyTheRegisteredHeroIsLeft();
    }

    @ParameterizedTest(name = "a run is large above {0} written rows")
    @ValueSource(longs = {0, 2, 50_000})
    void aResolutionNotKeptRemovesWhatTheRunWroteAndNothingElse(long largeRun) {
        var store = new JdbcLoadStore(jdbc, largeRun);
        long run = writeTwoChunksOverARegisteredHero(store);

        Resolution resolution = store.resolve(run, findings::add, walked -> false);

        assertThat(resolution).isEqualTo(new Resolution(0, 0, 0));
        assertOnlyTheRegisteredHeroIsLeft();
    }

    @Test
    void aChunkRolledBackLeavesNoIdOfTheAssetsItCreatedToTheNextChunk() {
        // given: a chunk that created an asset, rolled back (a failed write, a kill's undo in a live server)
        long run = store.startRun("load", "test", 0, Instant.now());
        var chunk = new TransactionTemplate(transactions);
        chunk.executeWithoutResult(status -> {
            store.write(run, List.of(v(1, "hero", "modeling", 1)));
            status.setRollbackOnly();
        });

        // when: the chunk is written again, by the same store
        chunk.executeWithoutResult(status -> store.write(run, List.of(v(1, "hero", "modeling", 1))));
        store.resolve(run, findings::add);

        // then: its version belongs to an asset that exists
        assertThat(registered()).containsExactly("hero/character/modeling v1 active");
        assertThat(assets.listAssets()).extracting(AssetKey::name).containsExactly("hero");
    }

    /**
     * Registers hero/modeling v1, then writes a run of five versions in two chunks over it and in its group, and
     * returns the run.
     */
    private long writeTwoChunksOverARegisteredHero(JdbcLoadStore store) {
        long first = store.startRun("load", "test", 0, Instant.now());
        store.write(first, List.of(v(1, "hero", "modeling", 1)));
        store.resolve(first, findings::add);
        long run = store.startRun("load", "test", 0, Instant.now());
        store.write(run, List.of(v(1, "hero", "modeling", 2), v(2, "villain", "fx", 1)));
        store.write(run, List.of(v(3, "hero", "modeling", 3), v(4, "hero", "rigging", 1), v(5, "villain", "fx", 2)));
        return run;
    }

    private void assertOnlyTheRegisteredHeroIsLeft() {
        assertThat(registered()).containsExactly("hero/character/modeling v1 active");
        assertThat(assets.listAssets()).extracting(AssetKey::name).containsExactly("hero");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_version_row", Long.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_group", Long.class)).isZero();
    }

    private List<String> registered() {
        List<String> registered = new ArrayList<>();
        assets.forEachVersion(version -> registered.add(version.label() + " " + version.version().status()));
        return registered;
    }

    private static StagedVersion v(long recordNumber, String name, String department, int version) {
        return new StagedVersion(RecordPosition.ofNumber(recordNumber),
                new VersionedAsset(new AssetKey(name, "character"), new AssetVersion(department, version, "active")));
    }
}
