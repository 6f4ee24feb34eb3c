package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two loads running at the same time against one registry, as two ingestion hosts would, with overlapping assets:
 * whatever the timing, the registry ends exactly as if one load had run after the other. No gap, no duplicate, no
 * record lost, and a conflict is a reject with its rule, never a failed load. Run on each database by
 * {@link ConcurrentLoadsTests}.
 */
abstract class ConcurrentLoadsContract extends RegistryIntegrationTest {

    /** Registered assets both files extend, each from modeling v2 to v4. */
    private static final int SHARED = 1_000;
    /** Assets only one file holds, each with modeling v1 and v2. */
    private static final int OWN = 100;

    @Autowired
    private AssetLoader loader;

    @Autowired
    private AssetStore store;

    /**
     * The shared assets are registered with modeling v1 and v2 before. The first file adds v3 and v4 active to each.
     * The second gives every tenth one's v3 another status (whichever load comes second rejects it,
     * {@code version.conflict}), adds v5 to every seventh (it extends whatever v3 and v4 are registered) and v7 to
     * every 25th (a gap either way, {@code version.sequence}).
     */
    @RepeatedTest(2)
    void twoLoadsOfOverlappingAssetsAtOnceEndAsIfOneRanAfterTheOther() throws Exception {
        assertThat(loader.load(file("before.jsonl", lines(registeredBefore()))).registered()).isEqualTo(SHARED * 2);
        Path first = file("first.jsonl", lines(firstFile()));
        Path second = file("second.jsonl", lines(secondFile()));

        List<LoadSummary> loads = loadAtOnce(first, second);

        LoadSummary a = loads.get(0);
        LoadSummary b = loads.get(1);
        assertThat(loads).allSatisfy(load -> {
            assertThat(load.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(load.registered() + load.unchanged() + load.rejected()).as("every record accounted for")
                    .isEqualTo(load.read());
        });
        assertThat(a.read()).isEqualTo(SHARED * 2 + OWN * 2);
        assertThat(b.read()).isEqualTo(SHARED * 2 + sharedWhere(7) + sharedWhere(25) + OWN * 2);
        boolean firstWentFirst = !a.rejectsByRule().containsKey("version.conflict");
        LoadSummary later = firstWentFirst ? b : a;
        LoadSummary earlier = firstWentFirst ? a : b;
        assertThat(later.rejectsByRule()).containsEntry("version.conflict", (long) sharedWhere(10));
        assertThat(earlier.rejectsByRule()).doesNotContainKey("version.conflict");
        assertThat(b.rejectsByRule()).containsEntry("version.sequence", (long) sharedWhere(25));
        assertThat(a.rejectsByRule()).doesNotContainKey("version.sequence");
        assertThat(registry()).as("the registry of the two loads run one after the other")
                .isEqualTo(expectedRegistry(firstWentFirst));
        assertThat(SHARED * 2 + a.registered() + b.registered()).isEqualTo(store.countVersions());
    }

    private List<LoadSummary> loadAtOnce(Path... files) throws Exception {
        ExecutorService hosts = Executors.newFixedThreadPool(files.length);
        try {
            var start = new CountDownLatch(1);
            List<Future<LoadSummary>> loads = new ArrayList<>();
            for (Path file : files) {
                loads.add(hosts.submit(() -> {
                    start.await();
                    return loader.load(file);
                }));
            }
            start.countDown();
            List<LoadSummary> summaries = new ArrayList<>();
            for (Future<LoadSummary> load : loads) {
                summaries.add(load.get(2, TimeUnit.MINUTES));
            }
            return summaries;
        } finally {
            hosts.shutdownNow();
        }
    }

    private static List<String> registeredBefore() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            records.add(record(shared(i), "prop", 1, "active"));
            records.add(record(shared(i), "prop", 2, "active"));
        }
        return records;
    }

    private static List<String> firstFile() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            for (int version = 3; version <= 4; version++) {
                records.add(record(shared(i), "prop", version, "active"));
            }
        }
        for (int i = 0; i < OWN; i++) {
            records.add(record("first_%03d".formatted(i), "character", 1, "active"));
            records.add(record("first_%03d".formatted(i), "character", 2, "active"));
        }
        return records;
    }

    private static List<String> secondFile() {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            for (int version = 3; version <= 4; version++) {
                records.add(record(shared(i), "prop", version, version == 3 && i % 10 == 0 ? "inactive" : "active"));
            }
            if (i % 7 == 0) {
                records.add(record(shared(i), "prop", 5, "active"));
            }
            if (i % 25 == 0) {
                records.add(record(shared(i), "prop", 7, "active"));
            }
        }
        for (int i = 0; i < OWN; i++) {
            records.add(record("second_%03d".formatted(i), "character", 1, "active"));
            records.add(record("second_%03d".formatted(i), "character", 2, "active"));
        }
        return records;
    }

    /** What the registry holds after the two loads, one after the other, in the order given. */
    private static List<String> expectedRegistry(boolean firstWentFirst) {
        List<String> versions = new ArrayList<>();
        for (String own : new String[] {"first", "second"}) {
            for (int i = 0; i < OWN; i++) {
                versions.add("%s_%03d/character/modeling v1 active".formatted(own, i));
                versions.add("%s_%03d/character/modeling v2 active".formatted(own, i));
            }
        }
        for (int i = 0; i < SHARED; i++) {
            for (int version = 1; version <= (i % 7 == 0 ? 5 : 4); version++) {
                boolean secondsStatus = version == 3 && i % 10 == 0 && !firstWentFirst;
                versions.add(shared(i) + "/prop/modeling v" + version + (secondsStatus ? " inactive" : " active"));
            }
        }
        Collections.sort(versions);
        return versions;
    }

    private List<String> registry() {
        List<String> versions = new ArrayList<>();
        store.forEachVersion((VersionedAsset v) -> versions.add(v.label() + " " + v.version().status()));
        Collections.sort(versions);
        return versions;
    }

    private static int sharedWhere(int every) {
        return (SHARED + every - 1) / every;
    }

    private static String shared(int i) {
        return "shared_%03d".formatted(i);
    }

    private static String record(String name, String type, int version, String status) {
        return """
                {"asset": {"name": "%s", "type": "%s"}, "department": "modeling", "version": %d, "status": "%s"}"""
                .formatted(name, type, version, status);
    }

    /** The records one per line, shuffled (the same way every time): the rules do not depend on a file's order. */
    private static String lines(List<String> records) {
        List<String> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(records.size()));
        return String.join("\n", shuffled) + "\n";
    }

}
