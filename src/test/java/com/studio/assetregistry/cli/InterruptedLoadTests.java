package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.ExpectedOutcome;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load stopped as Ctrl-C or a scheduler's SIGTERM stops it, in a child JVM as a user's would run: one line says it
 * stopped and how to go on, with no stack trace and no failure of the run, and loading the same file again finishes
 * it with the outcome of an uninterrupted load.
 */
class InterruptedLoadTests {

    @TempDir
    Path dir;

    @Test
    void aLoadStoppedBySigtermSaysHowToResumeAndLoadingTheFileAgainFinishesIt() throws Exception {
        // given: a load under way in a child JVM, some of its chunks committed
        Path file = dir.resolve("nightly.jsonl");
        ExpectedOutcome expected;
        try (var out = Files.newBufferedWriter(file)) {
            expected = new AssetDataGenerator().generate(new GeneratorOptions(200_000, 0.05, 5, true), out);
        }
        Path db = dir.resolve("registry.db");

        // when: SIGTERM, as Ctrl-C's SIGINT or a scheduler's stop, once two chunks have committed
        // then: one line says how to go on
        stopOnceAndExpectTheLine(file, db, () -> RegistryFile.stageCommits(db) >= 2, "the load commits");
        assertThat(RegistryFile.query(db, "SELECT COUNT(*) FROM load_run WHERE status = 'FAILED'")).isZero();

        // when: the same file again
        // then: the interrupted run, finished as an uninterrupted one would be
        assertThat(loadAgain(file, db)).startsWith(expected.summaryLine() + "; report: ");
        assertThat(RegistryFile.query(db, "SELECT COUNT(*) FROM load_run")).isOne();
        assertThat(RegistryFile.query(db, "SELECT COUNT(*) FROM asset_version")).isEqualTo(expected.registered());
    }

    @Test
    void aLoadStoppedWhileTheRegistryOpensSaysSoToo() throws Exception {
        // given: a load in a child JVM whose registry is being created (its file appears as the application starts,
        // a second or so before the load begins)
        Path file = dir.resolve("small.json");
        Files.copy(Path.of("data/asset_data.json"), file);
        Path db = dir.resolve("registry.db");

        // when, then: the same line as for a load under way, not silence
        stopOnceAndExpectTheLine(file, db, () -> Files.exists(db), "the registry is created");
    }

    @Test
    void aLoadStoppedAsItWritesItsReportSaysItsOutcomeIsRegistered() throws Exception {
        // given: a load whose report is long to write: 150,000 rejects
        Path file = dir.resolve("rejects.jsonl");
        ExpectedOutcome expected;
        try (var out = Files.newBufferedWriter(file)) {
            expected = new AssetDataGenerator().generate(new GeneratorOptions(300_000, 0.5, 5, true), out);
        }
        Path db = dir.resolve("registry.db");

        // when: SIGTERM as its report step writes
        // then: the line says the outcome is registered, and what loading the file again does
        stopOnceAndExpectTheLine(file, db, this::reportStepWrites, "the report step writes",
                "stopped as it wrote its report: its outcome is registered (asset-registry runs shows it); load the"
                        + " same file again to write the report");
        assertThat(RegistryFile.query(db, "SELECT COUNT(*) FROM asset_version")).isEqualTo(expected.registered());

        // when: the same file again, as the line says; then: the report is written, the run completed
        assertThat(loadAgain(file, db)).startsWith(expected.summaryLine() + "; report: ");
        assertThat(dir.resolve("reports/1/summary.json")).content().contains("\"status\" : \"COMPLETED\"");
    }

    @Test
    void aCtrlCTypedWhileTheProgressBarIsDrawnSaysHowToResume() throws Exception {
        // a terminal, as a TD at a shell has: script(1) runs the load on a pseudo-terminal, and what is typed into
        // it is typed on that terminal
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1), from util-linux, runs a terminal");
        Path file = dir.resolve("nightly.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(200_000, 0.05, 5, true), out);
        }
        String load = ChildJvm.command("--db", dir.resolve("registry.db").toString(), "--reports",
                dir.resolve("reports").toString(), "load", file.toString()).stream()
                .map(argument -> "'" + argument.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Process terminal = new ProcessBuilder("/usr/bin/script", "-qefc", load, "/dev/null")
                .redirectErrorStream(true).start();
        var shown = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = terminal.getInputStream()) {
                byte[] buffer = new byte[8192];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    shown.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the terminal closed
            }
        }, "terminal");
        reader.setDaemon(true);
        reader.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!shown.toString().contains(" records, ")) { // the bar, as it draws the records read
                assertThat(terminal.isAlive()).as("the load runs: " + shown).isTrue();
                assertThat(Instant.now()).as("the bar within two minutes").isBefore(deadline);
                Thread.sleep(20);
            }

            // when: Ctrl-C, typed on the terminal
            terminal.getOutputStream().write(3);
            terminal.getOutputStream().flush();

            // then: the JVM's own handling of it: the line that says how to go on
            assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(shown.toString()).contains("interrupted: the load of " + file + " stopped before it finished;"
                    + " load the same file again to resume it from its last commit");
        } finally {
            terminal.destroyForcibly().waitFor();
        }
    }

    /** Loads {@code file} into {@code db} in this JVM, as a user would again: what it printed, once it exits 0. */
    private String loadAgain(Path file, Path db) {
        var out = new StringWriter();
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        assertThat(commandLine.execute("--db", db.toString(), "--reports", dir.resolve("reports").toString(), "load",
                "--progress", "none", file.toString())).isZero();
        return out.toString();
    }

    /** Whether the report step writes its rejects: after its listener has said so, which is what is tested. */
    private boolean reportStepWrites() throws IOException {
        try (var files = Files.newDirectoryStream(dir.resolve("reports").resolve("1"), "rejects.jsonl.*.partial")) {
            return files.iterator().hasNext();
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** A condition a test waits for, which may fail to be read yet. */
    private interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Loads {@code file} into {@code db} in a child JVM, stops it with SIGTERM as soon as {@code stopWhen} holds
     * (within two minutes, or the test fails saying {@code what} did not happen), and checks it exits as SIGTERM makes
     * it with the one line that says how to go on.
     */
    private void stopOnceAndExpectTheLine(Path file, Path db, Condition stopWhen, String what) throws Exception {
        stopOnceAndExpectTheLine(file, db, stopWhen, what, "stopped before it finished; load the same file again to"
                + " resume it from its last commit");
    }

    private void stopOnceAndExpectTheLine(Path file, Path db, Condition stopWhen, String what, String said)
            throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(ChildJvm.command("--db", db.toString(),
                "--reports", dir.resolve("reports").toString(), "load", "--progress", "none", file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!stopWhen.holds()) {
                assertThat(child.isAlive()).as("the command is still running").isTrue();
                assertThat(Instant.now()).as(what + " within two minutes").isBefore(deadline);
                Thread.sleep(5); // the report test's window is a few tenths of a second
            }
            child.destroy();
            int exit = child.waitFor();
            assertThat(exit).as("killed by SIGTERM").isEqualTo(128 + 15);
            assertThat(Files.readString(log)).isEqualTo("interrupted: the load of " + file + " " + said + "\n");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }
}
