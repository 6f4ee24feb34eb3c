package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.GeneratorOptions;
import com.studio.assetregistry.ingest.RunOwner;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code load}: re-runs, {@code --force}, {@code --dry-run}, progress on standard error, and several files. */
class LoadCommandTests extends CommandTest {

    @Autowired
    private LoadStore loads;

    private static final Pattern REPORT = Pattern.compile("report: (.+?)/(?:;|$)", Pattern.MULTILINE);
    private static final String SAMPLE = "data/asset_data.json";
    private static final String SAMPLE_COUNTS = "read 20, registered 17, unchanged 0, rejected 3 "
            + "(status.unknown 2, version.sequence 1)";

    @Test
    void loadingTheSameContentAgainIsANoOpThatNamesTheEarlierRun() {
        assertThat(run("load", SAMPLE)).isZero();
        long first = runIdIn(out());

        int exit = run("load", SAMPLE);

        assertThat(exit).isZero();
        assertThat(out()).matches("already loaded as run " + first + " on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\("
                + quote(SAMPLE_COUNTS) + "\\); report: " + quote(reportDir(first)) + "/; use --force to load it again\n");
        assertThat(err()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM load_run")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
    }

    @Test
    void aLoadQueuedBehindAnotherSaysSoOnStandardErrorWhateverItsProgressDisplay() throws Exception {
        // given: a load of another live process of this host holds the registry, and ends a moment later
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            String owner = other.pid() + RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@'));
            long running = loads.startRun("load", "night.json", 10, Instant.now());
            loads.claimRun(running, "c0ffee", owner);
            Thread ender = new Thread(() -> { // once the load says it waits, however long it takes to get there
                Instant deadline = Instant.now().plusSeconds(30);
                while (!err().contains("Waiting for run") && Instant.now().isBefore(deadline)) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                loads.resolve(running, finding -> { });
                loads.finishRun(running, RunStatus.COMPLETED, Instant.now(), 0, null, null);
            });

            // when
            ender.start();
            int exit = run("load", "--progress", "none", SAMPLE);
            ender.join();

            // then: it said what it waited for, then loaded
            assertThat(exit).isZero();
            assertThat(err()).isEqualTo("Waiting for run " + running + " of night.json (process " + owner
                    + ") to end before loading " + SAMPLE + "\n");
            assertThat(out()).startsWith(SAMPLE_COUNTS + "; report: ");
        } finally {
            other.destroy();
        }
    }

    @Test
    void forceLoadsItAgainAndFindsEverythingUnchangedOrRejectedAsBefore() {
        run("load", SAMPLE);

        int exit = run("load", "--force", SAMPLE);

        assertThat(exit).isZero();
        assertThat(out()).startsWith("read 20, registered 0, unchanged 17, rejected 3 "
                + "(status.unknown 2, version.sequence 1); report: ");
        assertThat(count("SELECT COUNT(*) FROM load_run")).isEqualTo(2);
    }

    @Test
    void aDryRunReportsEveryRejectAndRegistersNothing() throws IOException {
        int exit = run("load", "--dry-run", SAMPLE);

        assertThat(exit).isZero();
        long dryRun = runIdIn(out());
        assertThat(out()).isEqualTo("dry run: would register 17 of 20 records read, unchanged 0, rejected 3 "
                + "(status.unknown 2, version.sequence 1); nothing was registered; report: " + reportDir(dryRun)
                + "/\n");
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
        assertThat(count("SELECT COUNT(*) FROM asset")).isZero();
        assertThat(Path.of(reportDir(dryRun), "rejects.jsonl")).content().contains("\"version.sequence\"")
                .contains("\"status.unknown\"");
        assertThat(Files.readAllLines(Path.of(reportDir(dryRun), "rejects.jsonl"))).hasSize(3);

        assertThat(run("runs")).isZero();
        assertThat(out()).containsPattern(dryRun + "  dry-run +" + SAMPLE);
        assertThat(run("--reports", WORK_DIR.resolve("reports").toString(), "report", Long.toString(dryRun))).isZero();
        assertThat(out()).startsWith("dry run " + dryRun + ": " + SAMPLE + ", COMPLETED, started ")
                .contains("\nread 20, would register 17, unchanged 0, rejected 3\n");

        // the dry run did not load the file: a load now registers what it said it would
        assertThat(run("load", SAMPLE)).isZero();
        assertThat(out()).startsWith(SAMPLE_COUNTS + "; report: ");
    }

    @Test
    void aLongLoadNotOnATerminalLogsItsProgressOnStandardErrorOnly() throws IOException {
        Path file = generated(25_000);

        int exit = run("load", "--progress-interval", "0", file.toString());

        assertThat(exit).isZero();
        assertThat(out().lines()).hasSize(1).allMatch(line -> line.startsWith("read 25000, "));
        List<String> progress = err().lines().toList();
        assertThat(progress).hasSize(4);
        assertThat(progress.subList(0, 3)).allMatch(line -> line.matches("loading " + quote(file.toString())
                + ": \\d{1,3}% \\([\\d,]+ records, [\\d,]+/s, [\\d,]+ rejected(, ETA [^)]+)?\\)"));
        assertThat(progress.get(0)).contains("% (10,000 records, ");
        assertThat(progress.get(2)).contains(": 100% (25,000 records, ");
        assertThat(progress.get(3)).matches("loading " + quote(file.toString())
                + ": read all 25,000 records \\([\\d,]+ rejected\\); checking them against the registry");
    }

    @Test
    void progressLinesWaitForTheirIntervalAndCanBeTurnedOff() throws IOException {
        Path file = generated(2_000);

        assertThat(run("load", file.toString())).isZero();
        assertThat(err()).as("a load shorter than the default 5 s interval").isEmpty();

        assertThat(run("load", "--force", "--progress", "none", "--progress-interval", "0", file.toString()))
                .isZero();
        assertThat(err()).isEmpty();
        assertThat(out()).startsWith("read 2000, registered 0, ");
    }

    @Test
    void aBarDrawsOnStandardErrorAndNeverOnStandardOutput() throws IOException {
        Path file = generated(2_000);

        assertThat(run("load", "--progress", "bar", file.toString())).isZero();

        assertThat(out().lines()).hasSize(1).allMatch(line -> line.startsWith("read 2000, "));
        assertThat(err()).startsWith("\r" + file.getFileName() + " ").contains("100%").endsWith("\n");
    }

    @Test
    void loadsSeveralFilesInTurnWithALineEachAndGoesOnPastAMissingOne() {
        String missing = WORK_DIR.resolve("missing.json").toString();
        String lines = file("two.jsonl", """
                {"asset": {"name": "lamp", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """).toString();

        int exit = run("load", SAMPLE, missing, lines, SAMPLE);

        assertThat(exit).as("the worst outcome: a file that could not be loaded").isEqualTo(1);
        List<String> out = out().lines().toList();
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).startsWith(SAMPLE + ": " + SAMPLE_COUNTS + "; report: ");
        assertThat(out.get(1)).startsWith(lines + ": read 1, registered 1, unchanged 0, rejected 0; report: ");
        assertThat(out.get(2)).startsWith(SAMPLE + ": already loaded as run " + runIdIn(out.get(0)) + " on ");
        assertThat(err()).isEqualTo("error: Cannot load " + missing + ": no such file\n");
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(18);
    }

    @Test
    void generateAndExportNameTheirFileWithItsControlCharactersEscaped() {
        Path generated = WORK_DIR.resolve("gen\u001b[2J.jsonl");
        Path exported = WORK_DIR.resolve("export\u001b[2J.json");

        assertThat(run("generate", "--records", "3", "--ndjson", generated.toString())).isZero();
        assertThat(out()).startsWith("wrote " + escaped(generated.toString()) + "; ").doesNotContain("\u001b");
        assertThat(run("load", SAMPLE)).isZero();
        assertThat(run("export", exported.toString())).isZero();
        assertThat(out()).isEqualTo("exported 17 versions to " + escaped(exported.toString()) + "\n");
        assertThat(generated).exists();
        assertThat(exported).exists();
    }

    @Test
    void aDirectoryOrAPipeIsOneErrorLineSayingWhatToDoAndNoRun() throws Exception {
        Path dir = Files.createDirectories(WORK_DIR.resolve("nightly"));
        Path pipe = WORK_DIR.resolve("stream.json");
        Files.deleteIfExists(pipe);
        assumeTrue(madeFifo(pipe), "mkfifo makes a pipe");

        int exit = run("load", dir.toString(), pipe.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err().lines()).containsExactly(
                "error: Cannot load " + dir + ": it is a directory; name the files in it to load them, for example "
                        + dir + "/*.json",
                "error: Cannot load " + pipe + ": not a regular file (a pipe or a device); a load reads a file that "
                        + "it can hash, to know it again, and seek in, to resume it: write the stream to a file first");
        assertThat(out()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM load_run")).isZero();
    }

    @Test
    void aFileInUtf16IsOneErrorLineAndTheNextFileIsLoadedAllTheSame() throws IOException {
        Path unicode = Files.write(WORK_DIR.resolve("export.json"), ("\uFEFF[{\"asset\": {\"name\": \"lamp\", "
                + "\"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}]")
                .getBytes(StandardCharsets.UTF_16LE));

        int exit = run("load", unicode.toString(), SAMPLE);

        assertThat(exit).isEqualTo(1);
        assertThat(err()).isEqualTo("error: Cannot load " + unicode + ": it is UTF-16LE text, and a load reads UTF-8 "
                + "JSON; convert it first, for example with iconv -f UTF-16LE -t UTF-8\n");
        assertThat(out()).startsWith(SAMPLE + ": " + SAMPLE_COUNTS + "; report: ");
        assertThat(count("SELECT COUNT(*) FROM load_run")).isEqualTo(1);
    }

    @Test
    void controlCharactersInAFileNameArePrintedAsEscapesNeverAsThemselves() {
        // a name can hold any byte but / and NUL: an escape sequence would drive the terminal, a line break forge a line
        Path file = file("night\u001b[2Jly\nload.jsonl", """
                {"asset": {"name": "lamp", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);
        String missing = WORK_DIR.resolve("gone\u009b2J.json").toString();

        int exit = run("load", "--progress", "log", "--progress-interval", "0", file.toString(), missing);

        assertThat(exit).isEqualTo(1);
        String shown = escaped(file.toString());
        assertThat(out()).startsWith(shown + ": read 1, registered 1, unchanged 0, rejected 0; report: ")
                .hasLineCount(1);
        assertThat(err()).contains("loading " + shown + ": 100% (1 record, ")
                .contains("loading " + shown + ": read all 1 record (0 rejected); ")
                .endsWith("error: Cannot load " + escaped(missing) + ": no such file\n")
                .doesNotContain("\u001b").doesNotContain("\u009b");
        long run = runIdIn(out());
        assertThat(run("--reports", WORK_DIR.resolve("reports").toString(), "report", Long.toString(run))).isZero();
        assertThat(out()).startsWith("run " + run + ": " + shown + ", COMPLETED, ");
    }

    @Test
    void aProgressModeThatDoesNotExistIsAUsageError() {
        assertThat(run("load", "--progress", "fancy", SAMPLE)).isEqualTo(2);
        assertThat(err()).contains("--progress must be auto, bar, log or none, not 'fancy'");
        assertThat(run("load", "--progress-interval", "-1", SAMPLE)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM load_run")).isZero();
    }

    private static Path generated(int records) throws IOException {
        Path file = WORK_DIR.resolve("generated-" + records + ".jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(records, 0.1, 3, true), out);
        }
        return file;
    }

    /** Whether {@code mkfifo} made a named pipe at {@code path}: not on a system without it. */
    private static boolean madeFifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            return false;
        }
    }

    /** The run id a summary line names: its report directory's name. */
    private static long runIdIn(String line) {
        Matcher report = REPORT.matcher(line);
        assertThat(report.find()).as("a report directory in: " + line).isTrue();
        return Long.parseLong(Path.of(report.group(1)).getFileName().toString());
    }

    private static String reportDir(long run) {
        return WORK_DIR.resolve("reports").resolve(Long.toString(run)).toString();
    }

    /** {@code text} as the command line prints it: its control characters as JSON escapes. */
    private static String escaped(String text) {
        return text.replace("\u001b", "\\u001b").replace("\u009b", "\\u009b").replace("\n", "\\n");
    }

    private static String quote(String text) {
        return Pattern.quote(text);
    }
}
