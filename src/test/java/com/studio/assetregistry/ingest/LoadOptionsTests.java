package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.ExpectedOutcome;
import com.studio.assetregistry.generate.GeneratorOptions;
import com.studio.assetregistry.ingest.LoadProgress.Phase;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The options of a load: re-running content already loaded, forcing it, dry runs, and progress reports. */
class LoadOptionsTests extends RegistryIntegrationTest {

    private static final Path SAMPLE = Path.of("data/asset_data.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CROSS_RECORD_RULES = Set.of("version.duplicate", "version.conflict",
            "version.sequence");

    @Autowired
    private AssetLoader loader;
    @Autowired
    private LoadStore store;

    @Test
    void loadingContentAlreadyLoadedCompletelyDoesNothingAndNamesTheEarlierRun() throws IOException {
        // given
        LoadSummary first = loader.load(SAMPLE);
        Path copy = Files.copy(SAMPLE, WORK_DIR.resolve("renamed-sample.json"), StandardCopyOption.REPLACE_EXISTING);

        // when: the same content, by its own path and by another
        LoadSummary again = loader.load(SAMPLE);
        LoadSummary renamed = loader.load(copy);

        // then
        for (LoadSummary repeat : List.of(again, renamed)) {
            assertThat(repeat.alreadyLoaded()).isTrue();
            assertThat(repeat.runId()).isEqualTo(first.runId());
            assertThat(repeat.file()).isEqualTo(SAMPLE);
            assertThat(repeat.reportDir()).isEqualTo(first.reportDir());
            assertThat(List.of(repeat.read(), repeat.registered(), repeat.unchanged(), repeat.rejected()))
                    .containsExactly(20L, 17L, 0L, 3L);
            assertThat(repeat.startedAt()).isEqualTo(first.startedAt());
        }
        assertThat(count("SELECT COUNT(*) FROM load_run")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
    }

    @Test
    void aLoadNamesItsRunByTheDigestItsRequestBrings() throws IOException {
        // given: a digest of the file started before the file changed
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("digested.json"), StandardCopyOption.REPLACE_EXISTING);
        FileDigest digest = FileDigest.start(file);
        String taken = digest.sha256();
        // other content of the same length, the same records: a line break becomes a space; and the file's time
        // as it was, which no check can then tell from the hashed file's
        FileTime modified = digest.hash().modified();
        Files.writeString(file, Files.readString(file).replaceFirst("\n", " "));
        Files.setLastModifiedTime(file, modified);

        // when
        LoadSummary summary = loader.load(LoadRequest.of(file).withDigest(digest));

        // then: the run has the digest it was given, not one of its own
        assertThat(store.findRun(summary.runId()).orElseThrow().sha256()).isEqualTo(taken)
                .isNotEqualTo(FileDigest.sha256(file));
    }

    @Test
    void aFileThatGrewSinceItWasHashedFailsItsLoadWhichTheCompleteFileThenReplaces() throws IOException {
        // given: a file hashed while a tool was still writing it
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("exporting.json"), StandardCopyOption.REPLACE_EXISTING);
        FileDigest early = FileDigest.start(file);
        long hashed = early.hash().bytes();
        String head = Files.readString(file).stripTrailing(); // the array, up to its closing bracket
        Files.writeString(file, head.substring(0, head.length() - 1) + ",\n"
                + record("lamp", "prop", "modeling", 1, "active") + "]\n");

        // when
        assertThatThrownBy(() -> loader.load(LoadRequest.of(file).withDigest(early)))
                .isInstanceOf(InputChangedException.class)
                .hasMessageContaining(file.toAbsolutePath() + " changed while it was loaded: it had " + hashed
                        + " bytes when its SHA-256 was computed, and " + Files.size(file) + " now, when its reading"
                        + " ended");

        // then: nothing registered; the complete file, loaded again, abandons that run and loads anew
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
        LoadSummary complete = loader.load(file);
        assertThat(List.of(complete.read(), complete.registered(), complete.rejected())).containsExactly(21L, 18L, 3L);
        assertThat(store.recentRuns(2)).extracting(LoadRun::status)
                .containsExactly(RunStatus.COMPLETED, RunStatus.ABANDONED);
    }

    @Test
    void aFileRewrittenInPlaceAtTheSameLengthSinceItWasHashedFailsItsLoad() throws IOException {
        // given: a file hashed, then rewritten in place by a tool: one name changed, the length kept
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("rewritten.json"), StandardCopyOption.REPLACE_EXISTING);
        FileDigest early = FileDigest.start(file);
        FileTime hashed = early.hash().modified();
        Files.writeString(file, Files.readString(file).replace("\"hero\"", "\"hexo\""));
        Files.setLastModifiedTime(file, FileTime.from(hashed.toInstant().plusSeconds(1)));
        assertThat(Files.size(file)).isEqualTo(early.hash().bytes());

        // when, then: the run's digest is not of what it read, so it registers nothing
        assertThatThrownBy(() -> loader.load(LoadRequest.of(file).withDigest(early)))
                .isInstanceOf(InputChangedException.class)
                .hasMessageContaining(file.toAbsolutePath() + " changed while it was loaded: it was modified at "
                        + Files.getLastModifiedTime(file) + ", after its SHA-256 was computed (of the file as "
                        + "modified at " + hashed + ")");
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
    }

    @Test
    void aFileRewrittenAtTheSameLengthOnceReadFailsItsLoadRatherThanQuoteWhatItSaysNow() throws IOException {
        // given: a tool rewrites the file in place, one name changed and the length kept, once the load has read it
        // and before the cross-record rules read its rejects back (the sample has one, a version.sequence)
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("rewritten-late.json"), StandardCopyOption.REPLACE_EXISTING);
        String rewritten = Files.readString(file).replace("\"villain\"", "\"villaxn\"");
        LoadProgressListener tool = progress -> {
            if (progress.phase() == Phase.RESOLVING) {
                try {
                    Files.writeString(file, rewritten);
                    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1)));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };

        // when
        assertThatThrownBy(() -> loader.load(LoadRequest.of(file).withProgress(tool)))
                .isInstanceOf(InputChangedException.class)
                .hasMessageContaining(file.toAbsolutePath() + " changed while it was loaded: it was modified at "
                        + Files.getLastModifiedTime(file));

        // then: nothing registered, and no reject quoting the new content
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
        assertThat(count("SELECT COUNT(*) FROM reject_violation WHERE rule = 'version.sequence'")).isZero();
        LoadSummary again = loader.load(file);
        assertThat(List.of(again.read(), again.registered(), again.rejected())).containsExactly(20L, 17L, 3L);
        assertThat(Files.readString(again.reportDir().resolve("rejects.jsonl"))).contains("\"villaxn\"")
                .doesNotContain("\"villain\"");
    }

    @Test
    void aForcedLoadRunsAgainAndFindsEverythingUnchangedOrRejectedAsBefore() throws IOException {
        LoadSummary first = loader.load(SAMPLE);

        LoadSummary second = loader.load(LoadRequest.of(SAMPLE).withForce(true));

        assertThat(second.alreadyLoaded()).isFalse();
        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(List.of(second.read(), second.registered(), second.unchanged(), second.rejected()))
                .containsExactly(20L, 0L, 17L, 3L);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
        assertThat(Files.readString(second.reportDir().resolve("rejects.jsonl")))
                .isEqualTo(Files.readString(first.reportDir().resolve("rejects.jsonl")));
        assertThat(loader.load(SAMPLE).runId()).as("the latest complete load is named").isEqualTo(second.runId());
    }

    @Test
    void aDryRunJudgesEveryRuleIncludingThoseOfTheRegistryAndRegistersNothing() throws IOException {
        // given a registry that holds hero/character/modeling v1 and v2
        loader.load(file("registered.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("hero", "character", "modeling", 2, "active")));
        Path file = file("dry.jsonl", record("hero", "character", "modeling", 1, "active")  // unchanged
                + record("hero", "character", "modeling", 2, "inactive")                       // version.conflict
                + record("hero", "character", "modeling", 4, "active")                         // version.sequence
                + record("lamp", "prop", "texturing", 1, "active")                             // would register
                + record("lamp", "prop", "texturing", 1, "active")                             // version.duplicate
                + record("lamp", "prop", "texturing", 2, "deprecated")                         // status.unknown
                + record("ship", "vehicle", "fx", 1, "active"));                               // would register

        // when
        LoadSummary summary = loader.load(LoadRequest.of(file).withDryRun(true));

        // then: the counts and the report of a real load
        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(7L, 2L, 1L, 4L);
        assertThat(summary.rejectsByRule()).containsOnlyKeys("version.conflict", "version.sequence",
                "version.duplicate", "status.unknown");
        List<JsonNode> rejects = Files.readAllLines(summary.reportDir().resolve("rejects.jsonl")).stream()
                .map(JSON::readTree).toList();
        assertThat(rejects).extracting(r -> r.get("recordNumber").asLong()).containsExactly(2L, 3L, 5L, 6L);
        assertThat(rejects.get(1).get("rules").get(0).get("message").asString())
                .isEqualTo("hero/character/modeling v4: v3 is missing");
        JsonNode report = JSON.readTree(summary.reportDir().resolve("summary.json").toFile());
        assertThat(report.get("kind").asString()).isEqualTo("dry-run");
        assertThat(report.has("dryRun")).as("the kind says it; no second property").isFalse();
        assertThat(report.get("counts").get("registered").asLong()).isEqualTo(2);
        // and nothing registered
        assertThat(jdbc.queryForList("SELECT name FROM asset ORDER BY name", String.class)).containsExactly("hero");
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT kind FROM load_run WHERE id = ?", String.class, summary.runId()))
                .isEqualTo("dry-run");

        // a dry run did not load the content: loading it now registers what the dry run said it would
        LoadSummary load = loader.load(file);
        assertThat(load.alreadyLoaded()).isFalse();
        assertThat(load.dryRun()).isFalse();
        assertThat(List.of(load.registered(), load.unchanged(), load.rejected())).containsExactly(2L, 1L, 4L);
        assertThat(Files.readString(load.reportDir().resolve("rejects.jsonl")))
                .isEqualTo(Files.readString(summary.reportDir().resolve("rejects.jsonl")));
        // and a dry run after a load is still a dry run, never "already loaded"
        LoadSummary after = loader.load(LoadRequest.of(file).withDryRun(true));
        assertThat(after.alreadyLoaded()).isFalse();
        assertThat(List.of(after.registered(), after.unchanged(), after.rejected())).containsExactly(0L, 3L, 4L);
    }

    @Test
    void anUnfinishedDryRunIsResumedByADryRunAndNeverByALoad() throws IOException {
        // given a dry run of the sample that failed before it finished
        long unfinished = store.startRun(LoadRun.DRY_RUN, SAMPLE.toString(), Files.size(SAMPLE), Instant.now());
        store.finishRun(unfinished, RunStatus.FAILED, Instant.now(), 0, FileDigest.sha256(SAMPLE), null);

        LoadSummary load = loader.load(SAMPLE);
        LoadSummary dryRun = loader.load(LoadRequest.of(SAMPLE).withDryRun(true));

        assertThat(load.runId()).isNotEqualTo(unfinished);
        assertThat(load.dryRun()).isFalse();
        assertThat(load.registered()).isEqualTo(17);
        assertThat(dryRun.runId()).isEqualTo(unfinished);
        assertThat(dryRun.dryRun()).isTrue();
        assertThat(List.of(dryRun.read(), dryRun.registered(), dryRun.unchanged(), dryRun.rejected()))
                .containsExactly(20L, 0L, 17L, 3L);
    }

    @Test
    void reportsProgressOncePerChunkWhileReadingThenOnceAsItResolves() throws IOException {
        // given a file of three chunks (10,000 records each by default)
        Path file = WORK_DIR.resolve("progress.jsonl");
        ExpectedOutcome expected;
        try (var out = Files.newBufferedWriter(file)) {
            expected = new AssetDataGenerator().generate(new GeneratorOptions(25_000, 0.1, 5, true), out);
        }
        List<LoadProgress> reports = new ArrayList<>();

        // when
        LoadSummary summary = loader.load(LoadRequest.of(file).withProgress(reports::add));

        // then
        assertThat(reports).extracting(LoadProgress::phase)
                .containsExactly(Phase.READING, Phase.READING, Phase.READING, Phase.RESOLVING, Phase.REPORTING);
        assertThat(reports).extracting(LoadProgress::records)
                .containsExactly(10_000L, 20_000L, 25_000L, 25_000L, 25_000L);
        assertThat(reports).extracting(LoadProgress::bytesRead).isSorted();
        assertThat(reports.get(0).fraction()).isBetween(0.3, 0.5);
        LoadProgress read = reports.get(2);
        assertThat(read.bytesRead()).isEqualTo(Files.size(file));
        assertThat(read.fileSize()).isEqualTo(Files.size(file));
        assertThat(read.fraction()).isEqualTo(1.0);
        assertThat(read.recordsPerSecond()).isPositive();
        assertThat(read.remaining()).hasValue(Duration.ZERO);
        long recordRuleRejects = Files.readAllLines(summary.reportDir().resolve("rejects.jsonl")).stream()
                .map(JSON::readTree)
                .filter(reject -> !CROSS_RECORD_RULES.contains(reject.get("rules").get(0).get("id").asString()))
                .count();
        assertThat(recordRuleRejects).isPositive().isLessThan(summary.rejected());
        assertThat(read.rejected()).isEqualTo(recordRuleRejects);
        assertThat(reports.get(3).rejected()).isEqualTo(recordRuleRejects);
        assertThat(summary.read()).isEqualTo(expected.read());
    }

    @Test
    void aListenerThatFailsDoesNotFailTheLoad() {
        LoadSummary summary = loader.load(LoadRequest.of(SAMPLE).withProgress(progress -> {
            throw new IllegalStateException("display gone");
        }));

        assertThat(summary.completed()).isTrue();
        assertThat(summary.registered()).isEqualTo(17);
    }

    private static String record(String name, String type, String department, int version, String status) {
        return """
                {"asset": {"name": "%s", "type": "%s"}, "department": "%s", "version": %d, "status": "%s"}
                """.formatted(name, type, department, version, status);
    }
}
