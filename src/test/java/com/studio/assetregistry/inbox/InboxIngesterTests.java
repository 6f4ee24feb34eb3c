package com.studio.assetregistry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.AssetRegistryApplication;
import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.inbox.InboxOutcome.Result;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.storage.LoadStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * One pass over a real inbox into a real registry: which files are taken and in what order, where each goes, the
 * note beside it, and the meters. The schedule is set (the configuration needs one) but never comes within a test:
 * each test runs {@link InboxIngester#tick()} itself.
 */
@SpringBootTest(classes = {AssetRegistryApplication.class, InboxIngestionConfiguration.class}, properties = {
        "registry.ingest.schedule=0 0 0 1 1 *", "registry.ingest.settle-time=0s"})
class InboxIngesterTests extends RegistryIntegrationTest {

    private static final Path INBOX = WORK_DIR.resolve("inbox");
    private static final Instant NOW = Instant.now();

    @Autowired
    private InboxIngester ingester;
    @Autowired
    private AssetRegistry registry;
    @Autowired
    private LoadStore loadStore;
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void inboxProperties(DynamicPropertyRegistry properties) {
        properties.add("registry.ingest.inbox", INBOX::toString);
    }

    @BeforeEach
    void emptyInbox() throws IOException {
        FileSystemUtils.deleteRecursively(INBOX);
        Files.createDirectories(INBOX);
    }

    @Test
    void loadsTheFilesOldestFirstAndMovesThemToProcessedWithANoteNamingTheirReport() throws IOException {
        // given: versions 1, 2 and 3 of one asset in three files, which register only if loaded in that order
        inboxFile("b-newer-name-but-oldest.json", "[" + record("hero", 1, "active") + "]", 30);
        inboxFile("a.jsonl", record("hero", 2, "active"), 20);
        inboxFile("c.json", "[" + record("hero", 3, "active") + "]", 20);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).extracting(o -> o.file().getFileName().toString(), InboxOutcome::result)
                .containsExactly(tuple("b-newer-name-but-oldest.json", Result.LOADED), tuple("a.jsonl", Result.LOADED),
                        tuple("c.json", Result.LOADED));
        assertThat(outcomes).extracting(InboxOutcome::runId).isSorted().doesNotContainNull();
        assertThat(registry.listAssetVersions("hero", "character")).hasSize(3);
        assertThat(names(INBOX)).containsExactly("processed");
        assertThat(names(INBOX.resolve("processed"))).containsExactly("a.jsonl", "a.jsonl.report",
                "b-newer-name-but-oldest.json", "b-newer-name-but-oldest.json.report", "c.json", "c.json.report");
        long run = outcomes.get(0).runId();
        assertThat(Files.readString(INBOX.resolve("processed/b-newer-name-but-oldest.json.report"))).isEqualTo(
                "loaded as run " + run + ": read 1, registered 1, unchanged 0, rejected 0" + System.lineSeparator()
                        + "report: " + WORK_DIR.resolve("reports").resolve(Long.toString(run)).toAbsolutePath() + "/"
                        + System.lineSeparator());
    }

    @Test
    void aNotePlantedAsALinkIsReplacedNotWrittenThrough() throws IOException {
        // given: whoever can write processed/ planted the note of a file to come as a link to a file yet to be
        Path elsewhere = WORK_DIR.resolve("not-the-inbox.txt");
        Files.deleteIfExists(elsewhere);
        Files.createDirectories(INBOX.resolve("processed"));
        Files.createSymbolicLink(INBOX.resolve("processed/a.json.report"), elsewhere);
        inboxFile("a.json", "[" + record("hero", 1, "active") + "]", 20);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).extracting(InboxOutcome::result).containsExactly(Result.LOADED);
        assertThat(elsewhere).doesNotExist();
        Path note = INBOX.resolve("processed/a.json.report");
        assertThat(Files.isSymbolicLink(note)).isFalse();
        assertThat(Files.readString(note)).startsWith("loaded as run " + outcomes.get(0).runId() + ": read 1");
    }

    @Test
    void aFileThatCannotBeMovedOutIsLoadedOnceWarnedOnceAndPassedOverUntilItChanges() throws IOException {
        // given: processed/ cannot be made (a file holds its name), so a loaded file cannot leave the inbox
        Files.writeString(INBOX.resolve("processed"), "not a folder");
        Path file = inboxFile("a.json", "[" + record("hero", 1, "active") + "]", 10);

        // when: three passes
        List<InboxOutcome> first = ingester.tick();
        List<InboxOutcome> second = ingester.tick();
        List<InboxOutcome> third = ingester.tick();

        // then: loaded once, said once, and not hashed nor loaded again
        assertThat(first).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.LEFT);
            assertThat(outcome.message()).startsWith("loaded as run ").contains("; cannot move it to processed/: ")
                    .endsWith("; it is passed over until it changes, or the server restarts");
        });
        assertThat(second).isEmpty();
        assertThat(third).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM load_run")).isOne();

        // when: it changes, and there is room for it in processed/
        Files.delete(INBOX.resolve("processed"));
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(5)));

        // then: taken again, found loaded, moved out
        assertThat(ingester.tick()).singleElement().extracting(InboxOutcome::result).isEqualTo(Result.SKIPPED);
        assertThat(names(INBOX)).containsExactly("processed");
    }

    @Test
    void skipsContentAlreadyLoadedMovesItToProcessedAndNeverOverwritesThere() throws IOException {
        // given: a.json loaded, then another a.json of other content, then a third one with the first's content
        String first = "[" + record("hero", 1, "active") + "]";
        inboxFile("a.json", first, 10);
        long firstRun = ingester.tick().get(0).runId();
        inboxFile("a.json", "[" + record("prop", 1, "active") + "]", 10);
        ingester.tick();
        inboxFile("a.json", first, 10);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.SKIPPED);
            assertThat(outcome.runId()).isEqualTo(firstRun);
            assertThat(outcome.movedTo()).isEqualTo(INBOX.resolve("processed/a-3.json"));
            assertThat(outcome.message()).startsWith("skipped: already loaded as run " + firstRun + " (");
        });
        assertThat(names(INBOX.resolve("processed"))).containsExactly("a-2.json", "a-2.json.report", "a-3.json",
                "a-3.json.report", "a.json", "a.json.report");
        assertThat(Files.readString(INBOX.resolve("processed/a-3.json"))).isEqualTo(first);
        assertThat(count("SELECT COUNT(*) FROM load_run WHERE kind = 'load'")).isEqualTo(2);
    }

    @Test
    void movesAFailedRunToFailedAndResumesItWhenItIsPutBack() throws IOException {
        // given: the run's report directory is blocked by a file, so the run fails once it has registered
        Path file = inboxFile("nightly.json", "[" + record("hero", 1, "active") + "]", 10);
        long run = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path blocked = WORK_DIR.resolve("reports").resolve(Long.toString(run));
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "a file where the report directory should be");
        List<InboxOutcome> failed;
        try {
            failed = ingester.tick();
        } finally {
            Files.delete(blocked);
        }
        assertThat(failed).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.FAILED);
            assertThat(outcome.runId()).isEqualTo(run);
            assertThat(outcome.movedTo()).isEqualTo(INBOX.resolve("failed/nightly.json"));
        });
        assertThat(Files.readString(INBOX.resolve("failed/nightly.json.report")))
                .startsWith("failed as run " + run + ": The load of " + file + " registered its records (registered 1, "
                        + "unchanged 0, rejected 0), but its report could not be written: ")
                .contains("report: " + blocked.toAbsolutePath() + "/");

        // when: the operator puts it back
        Files.move(INBOX.resolve("failed/nightly.json"), file);
        List<InboxOutcome> resumed = ingester.tick();

        // then: the same run, completed
        assertThat(resumed).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.LOADED);
            assertThat(outcome.runId()).isEqualTo(run);
        });
        assertThat(count("SELECT COUNT(*) FROM load_run WHERE kind = 'load' AND source <> 'probe'")).isOne();
        assertThat(jdbc.queryForObject("SELECT status FROM load_run WHERE id = ?", String.class, run))
                .isEqualTo("COMPLETED");
        assertThat(Files.exists(blocked.resolve("summary.json"))).isTrue();
    }

    @Test
    void movesAFileInUtf16ToFailedWithTheReasonAndLoadsTheNextOne() throws IOException {
        // given: a "Unicode" export from a Windows tool, then a UTF-8 file
        Path unicode = INBOX.resolve("export.json");
        Files.write(unicode, ("\uFEFF[" + record("hero", 1, "active") + "]").getBytes(StandardCharsets.UTF_16LE));
        Files.setLastModifiedTime(unicode, FileTime.from(NOW.minusSeconds(30)));
        inboxFile("next.json", "[" + record("prop", 1, "active") + "]", 20);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).extracting(o -> o.file().getFileName().toString(), InboxOutcome::result)
                .containsExactly(tuple("export.json", Result.FAILED), tuple("next.json", Result.LOADED));
        assertThat(outcomes.get(0).runId()).isNull();
        assertThat(outcomes.get(0).movedTo()).isEqualTo(INBOX.resolve("failed/export.json"));
        // the note names the file where it is now, which its advice is for
        assertThat(Files.readString(INBOX.resolve("failed/export.json.report"))).isEqualTo("refused: Cannot load "
                + INBOX.resolve("failed/export.json") + ": it is UTF-16LE text, and a load reads UTF-8 JSON; convert"
                + " it first, for example with iconv -f UTF-16LE -t UTF-8" + System.lineSeparator());
        assertThat(outcomes.get(0).message()).contains("Cannot load " + unicode + ": ");
        assertThat(count("SELECT COUNT(*) FROM load_run WHERE kind = 'load'")).isOne();
        assertThat(ingester.tick()).as("nothing is left to try again").isEmpty();
    }

    @Test
    void leavesAFileThatChangedWhileItWasLoadedForTheNextPass() throws Exception {
        // given: a run of the file that records another length than the file has, as when a tool went on writing it
        // after the load had hashed it (the run's failed attempt died, so this pass resumes it)
        Path file = inboxFile("exporting.json", "[" + record("hero", 1, "active") + "]", 10);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        long run = loadStore.startRun("load", file.toString(), Files.size(file) - 1, Instant.now());
        loadStore.claimRun(run, sha256, Long.MAX_VALUE + "@" + InetAddress.getLocalHost().getHostName());

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then: left where it is, not moved to failed/ while a tool may still be writing it
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.LEFT);
            assertThat(outcome.runId()).isEqualTo(run);
            assertThat(outcome.movedTo()).isEqualTo(file);
            assertThat(outcome.message()).contains(file + " changed while it was loaded");
        });
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();

        // when: the file is complete at the next pass
        inboxFile("exporting.json", "[" + record("hero", 1, "active") + ", " + record("hero", 2, "active") + "]", 10);
        List<InboxOutcome> next = ingester.tick();

        // then: other content, which abandons the failed run and loads anew
        assertThat(next).singleElement().extracting(InboxOutcome::result).isEqualTo(Result.LOADED);
        assertThat(jdbc.queryForObject("SELECT status FROM load_run WHERE id = ?", String.class, run))
                .isEqualTo("ABANDONED");
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(2);
    }

    @Test
    void leavesHiddenTemporaryOtherAndNestedFilesAlone() throws IOException {
        String content = "[" + record("hero", 1, "active") + "]";
        inboxFile(".nightly.json", content, 10);
        inboxFile("nightly.json.part", content, 10);
        inboxFile("notes.txt", "not records", 10);
        Files.createDirectories(INBOX.resolve("sub"));
        inboxFile("sub/nightly.json", content, 10);

        assertThat(ingester.tick()).isEmpty();
        assertThat(ingester.waitingFiles()).isZero();
        assertThat(names(INBOX)).containsExactly(".nightly.json", "nightly.json.part", "notes.txt", "sub");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void passesOverBrokenSymbolicLinksAndANameJavaCannotGiveBackAndLoadsTheOthers(CapturedOutput output)
            throws Exception {
        // given: a link to itself, a link to nothing, a name in Latin-1 (not UTF-8), a file from a clock a year ahead,
        // and a file to load
        Files.createSymbolicLink(INBOX.resolve("loop.json"), Path.of("loop.json"));
        Files.createSymbolicLink(INBOX.resolve("dangling.json"), Path.of("exports", "gone.json"));
        Process latin1 = new ProcessBuilder("sh", "-c", "printf '[]' > \"$(printf 'h\\351ros.json')\"")
                .directory(INBOX.toFile()).start();
        assertThat(latin1.waitFor()).isZero();
        inboxFile("good.json", "[" + record("hero", 1, "active") + "]", 10);
        inboxFile("ahead.json", "[]", -365 * 24 * 3600);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then: the file is loaded, the two others stay as they are, and the gauge still counts
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.file().getFileName()).hasToString("good.json");
            assertThat(outcome.result()).isEqualTo(Result.LOADED);
        });
        assertThat(registry.listAssetVersions("hero", "character")).hasSize(1);
        try (Stream<Path> left = Files.list(INBOX)) {
            assertThat(left.filter(f -> !f.getFileName().toString().equals("processed"))).hasSize(4);
        }
        assertThat(output.getOut()).contains("Inbox file ahead.json is passed over: it was last modified at "
                        + NOW.plusSeconds(365 * 24 * 3600).truncatedTo(ChronoUnit.SECONDS) + ", later than this server's clock says it is (a clock out"
                        + " of step?): it waits until that time has passed; touch it to load it now")
                .contains("Inbox file loop.json is passed over: cannot read its attributes: ")
                .contains("Inbox file dangling.json is passed over: it is a symbolic link to exports/gone.json, "
                        + "which does not exist");
        assertThat(ingester.waitingFiles()).as("the file from a clock ahead, which waits").isEqualTo(1);
        assertThat(meters.get(InboxIngester.FILES).gauge().value()).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFileNameThatHoldsALineFeedIsLoggedInOneLineAndCannotForgeAnother(CapturedOutput output) throws IOException {
        // given: whoever can drop a file in the inbox chooses its name
        inboxFile("night\n2026-11-28 ERROR forged.json", "[" + record("hero", 1, "active") + "]", 10);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).singleElement().extracting(InboxOutcome::result).isEqualTo(Result.LOADED);
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("2026-11-28 ERROR forged"))
                .anyMatch(line -> line.contains("Load run " + outcomes.get(0).runId() + " started: ")
                        && line.endsWith("night\\n2026-11-28 ERROR forged.json"))
                .anyMatch(line -> line.contains("Inbox file night\\n2026-11-28 ERROR forged.json loaded as run"));
    }

    @Test
    void aFileWhoseNoteCannotBeWrittenIsSaidToBeMovedAndWhyItHasNoNote() throws IOException {
        // given: a name of 255 bytes, the longest most file systems take, leaves no room for ".report"
        String name = "n".repeat(250) + ".json";
        inboxFile(name, "[" + record("hero", 1, "active") + "]", 10);

        // when
        List<InboxOutcome> outcomes = ingester.tick();

        // then
        assertThat(outcomes).singleElement().satisfies(outcome -> {
            assertThat(outcome.result()).isEqualTo(Result.LOADED);
            assertThat(outcome.movedTo()).isEqualTo(INBOX.resolve("processed").resolve(name));
            assertThat(outcome.message()).startsWith("loaded as run " + outcome.runId() + ": read 1, registered 1")
                    .endsWith("; its note " + name + ".report cannot be written: File name too long");
        });
        assertThat(names(INBOX.resolve("processed"))).containsExactly(name);
    }

    @Test
    void takesAFileOnlyOnceItHasSettled() throws IOException {
        var settling = new InboxIngester(registry, new InboxProperties(null, INBOX, Duration.ofMinutes(1), null),
                new SimpleMeterRegistry(), Clock.fixed(NOW, Clock.systemDefaultZone().getZone()));
        inboxFile("fresh.json", "[" + record("hero", 1, "active") + "]", 30);
        inboxFile("settled.json", "[" + record("prop", 1, "active") + "]", 61);

        assertThat(settling.tick()).extracting(o -> o.file().getFileName().toString())
                .containsExactly("settled.json");
        assertThat(settling.waitingFiles()).isOne();
    }

    @Test
    void countsTheFilesWaitingAndTheRecordsTheirLoadsRegisteredAndRejected() throws IOException {
        // given
        inboxFile("one.json", "[" + record("hero", 1, "active") + "," + record("hero", 2, "gone") + "]", 20);
        inboxFile("two.jsonl", record("prop", 1, "active"), 10);
        double registered = counter("registry.load.records", "outcome", "registered");
        double rejected = counter("registry.load.records", "outcome", "rejected");
        double unknownStatus = counter("registry.load.rejects", "rule", "status.unknown");
        assertThat(meters.get(InboxIngester.FILES).gauge().value()).isEqualTo(2);

        // when
        ingester.tick();

        // then
        assertThat(meters.get(InboxIngester.FILES).gauge().value()).isZero();
        assertThat(counter("registry.load.records", "outcome", "registered") - registered).isEqualTo(2);
        assertThat(counter("registry.load.records", "outcome", "rejected") - rejected).isEqualTo(1);
        assertThat(counter("registry.load.rejects", "rule", "status.unknown") - unknownStatus).isEqualTo(1);
    }

    private double counter(String name, String tag, String value) {
        var counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A file in the inbox, last modified {@code ageSeconds} before {@link #NOW}. */
    private static Path inboxFile(String name, String content, int ageSeconds) throws IOException {
        Path file = Files.writeString(INBOX.resolve(name), content);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(ageSeconds)));
        return file;
    }

    private static String record(String name, int version, String status) {
        String type = name.equals("hero") ? "character" : "prop";
        return "{\"asset\": {\"name\": \"" + name + "\", \"type\": \"" + type + "\"}, \"department\": \"modeling\", "
                + "\"version\": " + version + ", \"status\": \"" + status + "\"}";
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.api.Assertions.tuple(values);
    }
}
