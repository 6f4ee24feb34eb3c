package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes loading the same content into one registry, under two names: the second waits in line for the first,
 * as a load of other content does, and then finds it loaded, rather than being refused at once.
 */
class SameContentLoadsTests {

    @TempDir
    Path dir;

    @Test
    void aLoadOfContentAnotherProcessIsLoadingWaitsForItAndFindsItLoaded() throws Exception {
        // given: a load of a.jsonl under way in one process, its first chunk committed
        Path first = dir.resolve("a.jsonl");
        try (var out = Files.newBufferedWriter(first)) {
            new AssetDataGenerator().generate(new GeneratorOptions(200_000, 0.05, 11, true), out);
        }
        Path second = Files.copy(first, dir.resolve("b.jsonl"));
        Path db = dir.resolve("registry.db");
        Process loading = load(first, db, "first.log");
        Process waiting = null;
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (RegistryFile.stageCommits(db) < 1) {
                assertThat(loading.isAlive()).as("the first load is still running").isTrue();
                assertThat(Instant.now()).as("the first load commits within two minutes").isBefore(deadline);
                Thread.sleep(10);
            }

            signal("STOP", loading); // held there, alive, until the second load has said it waits

            // when: the same content, under another name, from another process
            waiting = load(second, db, "second.log");

            // then: it waits, then finds the content loaded
            while (!Files.readString(dir.resolve("second.log")).contains("Waiting for")) {
                assertThat(waiting.isAlive()).as(Files.readString(dir.resolve("second.log"))).isTrue();
                assertThat(Instant.now()).as("the second load waits within two minutes").isBefore(deadline);
                Thread.sleep(10);
            }
            signal("CONT", loading);
            assertThat(waiting.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(loading.waitFor(1, TimeUnit.MINUTES)).isTrue();
        } finally {
            if (loading.isAlive()) {
                signal("CONT", loading);
            }
            loading.destroyForcibly().waitFor();
            if (waiting != null) {
                waiting.destroyForcibly().waitFor();
            }
        }
        assertThat(loading.exitValue()).isZero();
        assertThat(waiting.exitValue()).as(Files.readString(dir.resolve("second.log"))).isZero();
        assertThat(Files.readString(dir.resolve("second.log")))
                .startsWith("Waiting for run 1 of the same content (" + first + ", process ")
                .contains(") to end before loading " + second + "\n")
                .contains("already loaded as run 1 ");
        assertThat(RegistryFile.query(db, "SELECT COUNT(*) FROM load_run")).isOne();
    }

    private static void signal(String signal, Process process) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private Process load(Path file, Path db, String log) throws Exception {
        return new ProcessBuilder(ChildJvm.command("--db", db.toString(), "--reports", dir.resolve("reports").toString(),
                "load", "--progress", "none", file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
    }
}
