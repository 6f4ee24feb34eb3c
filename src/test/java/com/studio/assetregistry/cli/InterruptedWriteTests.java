package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} and {@code export} stopped by SIGTERM (a scheduler's timeout, Ctrl-C) in a child JVM, as a user's
 * would run: one line says what was left of what they wrote, and a file is never left half-written.
 */
class InterruptedWriteTests {

    @TempDir
    Path dir;

    @Test
    void generateStoppedMidFileSaysSoAndLeavesTheFileItWouldReplaceAsItWas() throws Exception {
        // given: a file the generator is told to replace, with more records than it writes in a moment
        Path file = dir.resolve("big.jsonl");
        Files.writeString(file, "keep\n");
        Process child = start(dir.resolve("child.log"),
                "generate", "--records", "50000000", "--seed", "1", "--ndjson", file.toString());

        // when: stopped once its partial file has data
        awaitOrFail(child, () -> partials().anyMatch(partial -> partial.toFile().length() > 0),
                "the partial file to have data");
        child.destroy();

        // then: it exits as SIGTERM makes it, says so in one line, and leaves the file as it was, and no partial
        assertThat(child.waitFor()).as("killed by SIGTERM").isEqualTo(128 + 15);
        assertThat(Files.readString(dir.resolve("child.log"))).isEqualTo("interrupted: generate stopped before it"
                + " finished: " + file + " was not written (a file there is unchanged)\n");
        assertThat(Files.readString(file)).isEqualTo("keep\n");
        assertThat(partials()).as("partial files left").isEmpty();
    }

    @Test
    void exportStoppedMidStreamSaysWhatItWroteIsIncomplete() throws Exception {
        // given: a registry of 1,000 versions, more than a pipe holds in the load format, and a FIFO read by no one
        Path db = dir.resolve("registry.db");
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute("--db", db.toString(), "--reports", dir.resolve("reports").toString(), "load",
                "--progress", "none", Path.of("data", "asset_data_1000_valid.json").toString())).isZero();
        Path fifo = dir.resolve("export.pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // when: the export fills the pipe, which no one empties, and is stopped
        Process child = start(dir.resolve("child.log"), "--db", db.toString(), "export", fifo.toString());
        CompletableFuture<InputStream> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new FileInputStream(fifo.toFile()); // returns once the export opens the pipe
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (InputStream pipe = reader.get(2, TimeUnit.MINUTES)) {
            awaitOrFail(child, () -> pipe.available() >= 65_536, "the export to fill the pipe");
            child.destroy();

            // then: it exits as SIGTERM makes it, saying that what reached the pipe is incomplete
            assertThat(child.waitFor()).as("killed by SIGTERM").isEqualTo(128 + 15);
        }
        assertThat(Files.readString(dir.resolve("child.log"))).isEqualTo("interrupted: export stopped before it"
                + " finished: what it wrote to " + fifo + " is incomplete\n");
    }

    private Process start(Path log, String... arguments) throws IOException {
        return new ProcessBuilder(ChildJvm.command(List.of(), arguments))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private Stream<Path> partials() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".partial")).toList().stream();
        }
    }

    /** Waits until {@code condition} holds, failing if the child ends first or two minutes pass. */
    private static void awaitOrFail(Process child, Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try {
            while (!condition.holds()) {
                assertThat(child.isAlive()).as("the command is still running, waiting for " + what).isTrue();
                assertThat(Instant.now()).as(what + " within two minutes").isBefore(deadline);
                Thread.sleep(10);
            }
        } catch (Exception | AssertionError e) {
            child.destroyForcibly().waitFor();
            throw e;
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }
}
