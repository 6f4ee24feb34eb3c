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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the JDBC load store does beyond {@code LoadStoreContract}, on every database it runs on: a large run's gaps are
 * found in one pass over the registry's versions, a small run's group by group, with the same result. Run by
 * {@link SqliteStorageTests} and {@link PostgresStorageTests}.
 */
abstract class JdbcLoadStoreContract extends RegistryIntegrationTest {

    @Autowired
    private LoadStore store;

    @Autowired
    private AssetStore assets;

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
