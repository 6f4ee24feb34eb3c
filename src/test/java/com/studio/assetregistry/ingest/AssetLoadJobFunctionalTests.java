package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.ExpectedOutcome;
import com.studio.assetregistry.generate.GeneratorOptions;
import com.studio.assetregistry.report.RejectReportReader;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.Violation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole load job on real files and a real SQLite registry: exit status, counts, stored rows, report lines. */
class AssetLoadJobFunctionalTests extends RegistryIntegrationTest {

    private static final Path SAMPLE = Path.of("data/asset_data.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AssetLoader loader;
    @Autowired
    private JobOperator jobOperator;
    @Autowired
    private JobRepository jobRepository;
    @Autowired
    private Job assetLoadJob;
    @Autowired
    private LoadStore loadStore;
    @Autowired
    private RuleCatalogue rules;
    @Autowired
    private ReaderLimits limits;
    @Autowired
    private RejectReportWriter reportWriter;

    @Test
    void theJobCompletesAndAccountsForEveryRecordOfTheSample() throws Exception {
        // given
        long runId = loadStore.startRun("load", SAMPLE.toString(), Files.size(SAMPLE), Instant.now());
        loadStore.claimRun(runId, FileDigest.sha256(SAMPLE), "test");
        var jobOperatorTestUtils = new JobOperatorTestUtils(jobOperator, jobRepository);
        jobOperatorTestUtils.setJob(assetLoadJob);

        // when
        JobExecution execution = jobOperatorTestUtils.startJob(new JobParametersBuilder()
                .addString(LoadJobConfiguration.FILE_PARAMETER, SAMPLE.toAbsolutePath().toString())
                .addLong(LoadJobConfiguration.RUN_PARAMETER, runId)
                .toJobParameters());

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        StepExecution stage = steps(execution).get("stageRecordsStep");
        assertThat(stage.getReadCount()).isEqualTo(20);
        assertThat(stage.getWriteCount()).isEqualTo(20); // 17 staged and 3 rejects: nothing is filtered away
        assertThat(stage.getSkipCount()).isZero();
        assertThat(steps(execution).get("resolveRecordsStep").getWriteCount()).isEqualTo(17);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
    }

    @Test
    void waitsForALoadRunningInTheSameRegistryToEndBeforeItStarts() throws Exception {
        // given: another load holds the registry, in a live process (this one)
        long running = loadStore.startRun("load", "other.json", 10, Instant.now());
        loadStore.claimRun(running, "c0ffee", ProcessHandle.current().pid() + "@"
                + InetAddress.getLocalHost().getHostName());
        Thread ender = new Thread(() -> {
            sleep(1_500);
            loadStore.resolve(running, finding -> { });
        });

        // when
        ender.start();
        long started = System.nanoTime();
        LoadSummary summary = loader.load(SAMPLE);
        ender.join();

        // then: it queued behind the other load, then ran in full
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(1));
        assertThat(summary.registered()).isEqualTo(17);
        assertThat(loadStore.findRun(summary.runId()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void neverRunsTheSameContentTwiceAtOnceInOneProcess() throws Exception {
        // given: this process has claimed a run of the sample (as serve's API does before it loads in the background)
        AssetLoader.PreparedLoad first = loader.prepare(LoadRequest.of(SAMPLE));

        // then: the same content, asked for again without waiting (the API), is refused, naming that run
        assertThatThrownBy(() -> loader.prepare(LoadRequest.of(SAMPLE)))
                .isInstanceOfSatisfying(RegistryBusyException.class,
                        e -> assertThat(e.getMessage()).contains("run " + first.runId()));

        // when: asked for with a wait (the inbox, the command line) while the first one runs
        Thread runner = new Thread(() -> {
            sleep(1_000);
            loader.run(first);
        });
        runner.start();
        LoadSummary second = loader.load(SAMPLE);
        runner.join();

        // then: it waited for the first run, and found its content loaded
        assertThat(second.alreadyLoaded()).isTrue();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p "
                + "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'run.id' AND p.PARAMETER_VALUE = ?",
                String.valueOf(first.runId()))).as("one job execution of the run").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
    }

    @Test
    void abandonsALoadOfOtherContentWhoseProcessDiedBeforeItStarts() throws Exception {
        // given: a load whose process is gone left a pending version behind
        long dead = pendingGhostRun("crashed.json", Long.MAX_VALUE);

        // when
        LoadSummary summary = loader.load(SAMPLE);

        // then
        assertThat(summary.registered()).isEqualTo(17);
        assertThat(loadStore.findRun(dead).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(count("SELECT COUNT(*) FROM asset_row WHERE name = 'ghost'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
    }

    @Test
    void anAbandonedRunGetsAReportOfItsRejectsSoFarThatSaysAbandoned() throws Exception {
        // given: a load that died after rejecting a record, so before writing any report
        long dead = pendingGhostRun("crashed.json", Long.MAX_VALUE);
        loadStore.reject(dead, List.of(new Reject(new RecordPosition(2, 3, 1, 0, 0),
                List.of(new Violation("status.unknown", "status", "status \"x\" is not one of active, inactive")),
                "{\"status\":\"x\"}")));

        // when: other content is loaded, which abandons it
        loader.load(SAMPLE);

        // then: its report is where its run says, whole, and says what became of it
        LoadRun abandoned = loadStore.findRun(dead).orElseThrow();
        Path dir = WORK_DIR.resolve("reports").resolve(Long.toString(dead));
        assertThat(abandoned.reportDir()).isEqualTo(dir.toString());
        ReportSummary summary = new RejectReportReader().readSummary(dir);
        assertThat(summary.status()).isEqualTo("ABANDONED");
        assertThat(summary.counts().rejected()).isEqualTo(1);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("status.unknown", 1L));
        assertThat(Files.readAllLines(dir.resolve(RejectReportWriter.REJECTS_FILE))).singleElement().asString()
                .startsWith("{\"recordNumber\":2,\"line\":3,\"column\":1,").contains("status.unknown");
    }

    @Test
    void aRunsReportDirectoryIsRecordedAsItIsClaimedForWhicheverProcessEndsIt() {
        AssetLoader.PreparedLoad prepared = loader.prepare(LoadRequest.of(SAMPLE).withForce(true));
        try {
            assertThat(loadStore.findRun(prepared.runId()).orElseThrow().reportDir())
                    .isEqualTo(WORK_DIR.resolve("reports").resolve(Long.toString(prepared.runId()))
                            .toAbsolutePath().toString());
        } finally {
            loader.run(prepared);
        }
    }

    @Test
    void aFailedRunsReportSaysAbandonedOnceItIsAbandoned() throws Exception {
        // given: a load that failed, whose report says so
        long failed = pendingGhostRun("failed.json", Long.MAX_VALUE);
        Path dir = WORK_DIR.resolve("failed-reports").resolve(Long.toString(failed));
        loadStore.finishRun(failed, RunStatus.FAILED, Instant.now(), 1, "c0ffee", dir.toString());
        reportWriter.writeReport(dir, loadStore, loadStore.findRun(failed).orElseThrow(), null);
        assertThat(new RejectReportReader().readSummary(dir).status()).isEqualTo("FAILED");

        // when
        loader.load(SAMPLE);

        // then: the same report, rewritten
        assertThat(loadStore.findRun(failed).orElseThrow().reportDir()).isEqualTo(dir.toString());
        assertThat(new RejectReportReader().readSummary(dir).status()).isEqualTo("ABANDONED");
    }

    @Test
    void aDryRunIsRefusedRatherThanAbandonAnInterruptedLoadWhichLoadingResumes() throws Exception {
        // given: a load whose process is gone left a pending version behind
        long dead = pendingGhostRun("crashed.json", Long.MAX_VALUE);

        // when: a dry run, of other content as of any
        assertThatThrownBy(() -> loader.load(LoadRequest.of(SAMPLE).withDryRun(true)))
                .isInstanceOf(InterruptedLoadException.class)
                .hasMessage("Cannot dry-run " + SAMPLE + ": run " + dead + ", an interrupted load of crashed.json,"
                        + " holds the registry, and a dry run does not give a load up; load that content again to"
                        + " resume it, or load other content to abandon it");

        // then: the load is left as it was, to be resumed; no dry run was recorded
        LoadRun left = loadStore.findRun(dead).orElseThrow();
        assertThat(left.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(loadStore.findPendingLoad(0)).map(LoadRun::id).hasValue(dead);
        assertThat(count("SELECT COUNT(*) FROM load_run WHERE kind = 'dry-run'")).isZero();
    }

    @Test
    void anUnfinishedRunJudgedUnderOtherRulesIsLoadedAnewNotResumedAndOneUnderTheseIsResumed() throws Exception {
        // given: a load of the sample that died, started under another rules file
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        String deadOwner = ended.pid() + RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@'));
        long other = loadStore.startRun("load", SAMPLE.toString(), Files.size(SAMPLE), Instant.now());
        loadStore.claimRun(other, FileDigest.sha256(SAMPLE), deadOwner, "0".repeat(64));
        loadStore.write(other, List.of(new StagedVersion(RecordPosition.ofNumber(1), new VersionedAsset(
                new AssetKey("judged_before", "prop"), new AssetVersion("fx", 1, "active")))));

        // when
        List<String> warnings = new ArrayList<>();
        LoadSummary anew = loader.load(LoadRequest.of(SAMPLE).withProgress(warnedInto(warnings)));

        // then: it was given up, what it wrote removed, and the file loaded whole under this process's rules
        assertThat(warnings).containsExactly("Run " + other + " of " + SAMPLE + " was judged under other rules (the"
                + " rules file changed since it started): it is abandoned, and " + SAMPLE + " loads anew under these");
        assertThat(anew.runId()).isNotEqualTo(other);
        assertThat(anew.registered()).isEqualTo(17);
        assertThat(loadStore.findRun(other).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_version_row WHERE run_id = ?", Long.class, other))
                .isZero();
        assertThat(loadStore.findRun(anew.runId()).orElseThrow().rules()).isEqualTo(rules.fingerprint(limits))
                .isNotEqualTo(rules.fingerprint(new ReaderLimits(1024, null, null)));

        // given: one that died under the same rules
        Path file = file("same-rules.jsonl", """
                {"asset": {"name": "rock", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);
        long same = loadStore.startRun("load", file.toString(), Files.size(file), Instant.now());
        loadStore.claimRun(same, FileDigest.sha256(file), deadOwner, rules.fingerprint(limits));

        // then: it is resumed
        assertThat(loader.load(file).runId()).isEqualTo(same);
    }

    @Test
    void aLoadOfAnotherHostThatFellSilentIsResumedOrAbandonedAndOneThatBeatsIsWaitedFor() throws Exception {
        // given: a load of the sample by a process of another host (a container that is gone), silent for 3 minutes
        long orphan = loadStore.startRun("load", SAMPLE.toString(), Files.size(SAMPLE), Instant.now());
        loadStore.claimRun(orphan, FileDigest.sha256(SAMPLE), "1@c0ffee123456");
        jdbc.update("UPDATE load_run SET heartbeat_at = ? WHERE id = ?", Instant.now().minusSeconds(180).toString(),
                orphan);

        // when: the same content is loaded here
        LoadSummary resumed = loader.load(SAMPLE);

        // then: that run is resumed, and completes
        assertThat(resumed.runId()).isEqualTo(orphan);
        assertThat(resumed.registered()).isEqualTo(17);

        // given: a load of other content by a process of another host that beat a moment ago
        long live = pendingGhostRun("live.json", 1);
        jdbc.update("UPDATE load_run SET owner = '1@c0ffee123456' WHERE id = ?", live);
        Path other = file("other.jsonl", """
                {"asset": {"name": "rock", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);

        // then: it is not abandoned but waited for (here not at all: the API's prepare refuses at once)
        assertThatThrownBy(() -> loader.prepare(LoadRequest.of(other)))
                .isInstanceOfSatisfying(RegistryBusyException.class, e -> assertThat(e.runningRunId()).isEqualTo(live));

        // when: it too falls silent
        jdbc.update("UPDATE load_run SET heartbeat_at = ? WHERE id = ?", Instant.now().minusSeconds(180).toString(),
                live);
        List<String> warnings = new ArrayList<>();
        LoadSummary loaded = loader.load(LoadRequest.of(other).withProgress(warnedInto(warnings)));

        // then: it is abandoned, and the new load goes on
        assertThat(warnings).singleElement().asString().startsWith("Run " + live + " of ")
                .endsWith(" ended unfinished and is abandoned: its pending versions are removed; load it again to load"
                        + " it anew");
        assertThat(loaded.registered()).isEqualTo(1);
        assertThat(loadStore.findRun(live).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(count("SELECT COUNT(*) FROM asset_row WHERE name = 'ghost'")).isZero();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS) // it used to wait for the registry.load.queue-wait: an hour
    void abandonsALoadOfOtherContentThatFailedInAProcessThatLivesOn() throws Exception {
        // given: a load that failed in this process, which lives on (serve, or a command loading several files)
        long failed = pendingGhostRun("failed.json", ProcessHandle.current().pid());
        loadStore.finishRun(failed, RunStatus.FAILED, Instant.now(), 1, "c0ffee", null);

        // when
        LoadSummary summary = loader.load(SAMPLE);

        // then: it did not wait for a run that no longer loads
        assertThat(summary.registered()).isEqualTo(17);
        assertThat(loadStore.findRun(failed).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(count("SELECT COUNT(*) FROM asset_row WHERE name = 'ghost'")).isZero();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void abandonsALoadOfOtherContentLeftRunningByThisProcessWhenItNoLongerRunsIt() throws Exception {
        // given: a load of this process that ended without its failure being recorded (a full disk fails that record
        // too): it is still RUNNING in the store, under this process, which lives on (serve)
        long stuck = pendingGhostRun("stuck.json", ProcessHandle.current().pid());

        // when
        LoadSummary summary = loader.load(SAMPLE);

        // then: the process knows it no longer loads that run, so it did not wait for it
        assertThat(summary.registered()).isEqualTo(17);
        assertThat(loadStore.findRun(stuck).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(count("SELECT COUNT(*) FROM asset_row WHERE name = 'ghost'")).isZero();
    }

    /**
     * A load of {@code source}, claimed by process {@code pid} of this host, RUNNING and pending with one version of
     * asset {@code ghost}, as a load leaves it when it stops mid-way.
     */
    private long pendingGhostRun(String source, long pid) throws UnknownHostException {
        long run = loadStore.startRun("load", source, 10, Instant.now());
        loadStore.claimRun(run, "c0ffee", pid + "@" + InetAddress.getLocalHost().getHostName());
        loadStore.write(run, List.of(new StagedVersion(RecordPosition.ofNumber(1),
                new VersionedAsset(new AssetKey("ghost", "prop"), new AssetVersion("fx", 1, "active")))));
        return run;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void loadsTheSampleWithTheExpectedOutcome() throws IOException {
        LoadSummary summary = loader.load(SAMPLE);

        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(20L, 17L, 0L, 3L);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("status.unknown", 2L),
                Map.entry("version.sequence", 1L));
        assertThat(count("SELECT COUNT(*) FROM asset")).isEqualTo(14);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
        assertThat(jdbc.queryForList("""
                SELECT v.version FROM asset a JOIN asset_version v ON v.asset_id = a.id
                WHERE a.name = 'hero' AND a.type = 'character' AND v.department = 'modeling' ORDER BY v.version""",
                Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(count("SELECT COUNT(*) FROM asset WHERE name IN ('magic_staff', 'old_hero')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM asset WHERE name = 'villain' AND type = 'fx'")).isZero();

        List<JsonNode> rejects = rejectLines(summary);
        assertThat(rejects).extracting(r -> r.get("recordNumber").asLong()).containsExactly(8L, 11L, 14L);
        JsonNode villain = rejects.get(0);
        assertThat(villain.get("line").asLong()).isEqualTo(65);
        assertThat(villain.get("column").asLong()).isEqualTo(3);
        assertThat(villain.get("rules").get(0).get("id").asString()).isEqualTo("version.sequence");
        assertThat(villain.get("rules").get(0).get("message").asString())
                .isEqualTo("villain/fx/animation v2: v1 is missing");
        assertThat(villain.get("record").get("asset").get("name").asString()).isEqualTo("villain");
        assertThat(rejects.get(1).get("rules").get(0).get("id").asString()).isEqualTo("status.unknown");
        assertThat(rejects.get(1).get("record").get("status").asString()).isEqualTo("deprecated");
        assertThat(rejects.get(2).get("record").get("asset").get("name").asString()).isEqualTo("old_hero");

        JsonNode summaryJson = JSON.readTree(summary.reportDir().resolve("summary.json").toFile());
        assertThat(summaryJson.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summaryJson.get("counts").get("registered").asLong()).isEqualTo(17);
        assertThat(summaryJson.get("rejectsByRule").get("status.unknown").asLong()).isEqualTo(2);
        assertThat(summaryJson.get("ruleDescriptions").get("status.unknown").asString())
                .isEqualTo("status is not one of active, inactive");
        assertThat(summaryJson.get("file").get("size").asLong()).isEqualTo(Files.size(SAMPLE));
        assertThat(summaryJson.get("file").get("sha256").asString()).isEqualTo(FileDigest.sha256(SAMPLE));
        assertThat(summaryJson.get("counts").get("warned").asLong()).isZero();
        assertThat(summaryJson.get("warningsByRule").isEmpty()).isTrue();
        assertThat(summary.reportDir().resolve("warnings.jsonl")).isEmptyFile();
    }

    @Test
    void readsJsonLinesWithAByteOrderMarkAndIgnoresUnknownProperties() throws IOException {
        Path file = file("lines.jsonl", "\uFEFF"
                + "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"department\": \"modeling\", "
                + "\"version\": 2, \"status\": \"active\", \"comment\": {\"by\": \"td\"}}\n"
                + "\n"
                + "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"department\": \"modeling\", "
                + "\"version\": 1, \"status\": \"inactive\"}\r\n"
                + "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"department\": \"modeling\", "
                + "\"version\": \"3\", \"status\": \"active\"}\n");

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(3L, 2L, 1L);
        JsonNode reject = rejectLines(summary).get(0);
        assertThat(reject.get("recordNumber").asLong()).isEqualTo(3);
        assertThat(reject.get("line").asLong()).isEqualTo(4);
        assertThat(reject.get("column").asLong()).isEqualTo(1);
        assertThat(reject.get("rules").get(0).get("id").asString()).isEqualTo("version.invalid");
    }

    @Test
    void readsJsonLinesWithOldMacLineEndsRecordByRecord() throws IOException {
        // given: every line ends with a lone CR, as a classic Mac OS tool writes them
        Path file = file("mac.jsonl", String.join("\r",
                "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"department\": \"modeling\", "
                        + "\"version\": 1, \"status\": \"active\"}",
                "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"department\": \"modeling\", "
                        + "\"version\": 2 \"status\": \"active\"}",
                "{\"asset\": {\"name\": \"tree\", \"type\": \"prop\"}, \"department\": \"modeling\", "
                        + "\"version\": 1, \"status\": \"active\"}", ""));

        // when
        LoadSummary summary = loader.load(file);

        // then: the broken second line costs only itself, at its own line
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(3L, 2L, 1L);
        JsonNode reject = rejectLines(summary).get(0);
        assertThat(reject.get("recordNumber").asLong()).isEqualTo(2);
        assertThat(reject.get("line").asLong()).isEqualTo(2);
        assertThat(reject.get("rules").get(0).get("id").asString()).isEqualTo("json.syntax");
        assertThat(reject.get("rules").get(0).get("message").asString()).startsWith("line 2, column 89: ");
        assertThat(jdbc.queryForList("SELECT a.name || ' v' || v.version FROM asset a JOIN asset_version v "
                + "ON v.asset_id = a.id ORDER BY a.name", String.class)).containsExactly("hero v1", "tree v1");
    }

    @Test
    void loadsRecordsPrettyPrintedOneAfterAnotherAsJqWritesAnArraysElements() throws IOException {
        // given: jq '.[]' of an array of three records
        String record = "{\n  \"asset\": {\n    \"name\": \"%s\",\n    \"type\": \"prop\"\n  },\n  \"department\":"
                + " \"modeling\",\n  \"version\": %d,\n  \"status\": \"active\"\n}\n";
        Path file = file("jq.json", record.formatted("tree", 1) + record.formatted("tree", 2)
                + record.formatted("rock", 1));

        // when
        LoadSummary summary = loader.load(file);

        // then
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(3L, 3L, 0L);
        assertThat(jdbc.queryForList("SELECT a.name || ' v' || v.version FROM asset a JOIN asset_version v "
                + "ON v.asset_id = a.id ORDER BY a.name, v.version", String.class))
                .containsExactly("rock v1", "tree v1", "tree v2");
    }

    @Test
    void anUnclosedRecordBeforeACommentAndABracketTooManyCostNoOtherRecord() throws IOException {
        // given: a hand-edited array: a record left unclosed, a comment after it, and a ] before the array's end
        String record = "{\"asset\": {\"name\": \"%s\", \"type\": \"prop\"}, \"department\": \"modeling\", "
                + "\"version\": 1, \"status\": \"active\"%s";
        Path file = file("hand-edited.json", "[\n" + record.formatted("a", "},") + "\n" + record.formatted("b", ",")
                + "\n// checked by hand\n" + record.formatted("c", "},") + "\n" + record.formatted("d", "},") + "\n]\n"
                + record.formatted("e", "},") + "\n" + record.formatted("f", "}") + "\n]\n");

        // when
        LoadSummary summary = loader.load(file);

        // then: the broken record, and the first after the early bracket, are rejected; every other one registers
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(6L, 4L, 2L);
        assertThat(rejectLines(summary)).extracting(r -> r.get("recordNumber").asLong() + " line "
                        + r.get("line").asLong() + ": " + r.get("rules").get(0).get("message").asString())
                .containsExactly("2 line 3: this record is not closed before the next one starts at line 5, column 1",
                        "5 line 8: the array closed at line 7, column 1, and content follows; it is read on as more"
                                + " records");
        assertThat(jdbc.queryForList("SELECT name FROM asset ORDER BY name", String.class))
                .containsExactly("a", "c", "d", "f");
    }

    @Test
    void readsOnAfterTheClosingBracketSoThatTwoFilesConcatenatedCostOneRecord() throws IOException {
        // given: two arrays one after the other, as `cat monday.json tuesday.json` makes them, then a JSON line
        String record = "{\"asset\": {\"name\": \"%s\", \"type\": \"prop\"}, \"department\": \"modeling\", "
                + "\"version\": %d, \"status\": \"active\"}";
        Path file = file("concatenated.json", "[\n  " + record.formatted("tree", 1) + ",\n  "
                + record.formatted("rock", 1) + "\n]\n[\n  " + record.formatted("tree", 2) + ",\n  "
                + record.formatted("rock", 2) + "\n]\n" + record.formatted("lamp", 1) + "\n");

        // when
        LoadSummary summary = loader.load(file);

        // then: the first record after each closing bracket is rejected, naming the problem; the others register
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(5L, 3L, 2L);
        List<JsonNode> rejects = rejectLines(summary);
        assertThat(rejects).extracting(r -> r.get("recordNumber").asLong() + " line " + r.get("line").asLong() + ": "
                + r.get("rules").get(0).get("id").asString() + " " + r.get("rules").get(0).get("message").asString())
                .containsExactly(
                        "3 line 6: json.syntax another top-level array opens at line 5, column 1, after the first "
                                + "one closed; its records are read as if the arrays were one",
                        "5 line 9: json.syntax the array closed at line 8, column 1, and content follows; it is read"
                                + " on as more records");
        assertThat(rejects.get(0).get("record").asString()).isEqualTo(record.formatted("tree", 2));
        assertThat(jdbc.queryForList("SELECT a.name || ' v' || v.version FROM asset a JOIN asset_version v "
                + "ON v.asset_id = a.id ORDER BY a.name, v.version", String.class))
                .containsExactly("rock v1", "rock v2", "tree v1");
    }

    @Test
    void aNewRunsReportDirectoryThatExistsIsMovedAsideNeverWrittenOver() throws IOException {
        // given: the next run's report directory holds another registry's report (a registry file replaced, or two
        // registries sharing one reports directory: each numbers its runs from 1)
        long next = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path earlier = WORK_DIR.resolve("reports").resolve(Long.toString(next));
        Files.createDirectories(earlier);
        Files.writeString(earlier.resolve("summary.json"), "{\"runId\": " + next + ", \"from\": \"another registry\"}");

        // when
        List<String> warnings = new ArrayList<>();
        LoadSummary summary = loader.load(LoadRequest.of(Path.of("data/asset_data.json"))
                .withProgress(warnedInto(warnings)));

        // then: this run's report is in the directory; the earlier one beside it, whole, and the load says so
        assertThat(warnings).singleElement().asString().startsWith("The report directory " + earlier + " held an"
                + " earlier report, of another registry or of one whose file was replaced: moved to " + earlier
                + ".earlier-");
        assertThat(summary.runId()).isEqualTo(next);
        assertThat(summary.reportDir()).isEqualTo(earlier);
        assertThat(rejectLines(summary)).hasSize(3);
        assertThat(Files.readString(earlier.resolve("summary.json"))).doesNotContain("another registry");
        try (var siblings = Files.list(earlier.getParent())) {
            assertThat(siblings.filter(dir -> dir.getFileName().toString().startsWith(next + ".earlier-")).toList())
                    .singleElement().satisfies(aside -> assertThat(Files.readString(aside.resolve("summary.json")))
                            .contains("another registry"));
        }
    }

    @Test
    void reportsEveryRuleARecordBreaksAndGoesOnAfterBrokenJson() throws IOException {
        Path file = file("broken.json", """
                [
                  {"asset": {"name": " hero", "type": "hero"}, "department": "", "version": 0, "status": "Active"},
                  {"asset": {"name": "ok", "type": "prop"}, "department": "modeling", "version": 1 "status": "active"},
                  {"asset": {"name": "ok", "type": "prop"}, "department": "modeling", "version": 1, "status": "active"}
                  {"asset": {"name": "ok", "type": "prop"}, "department": "modeling", "version": 2, "status": "active"},
                  42,
                  {"asset": {"name": "ok", "type": "prop"}, "department": "modeling", "version": 1, "status": "active"}
                ]
                """);

        LoadSummary summary = loader.load(file);

        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(6L, 1L, 5L);
        List<JsonNode> rejects = rejectLines(summary);
        assertThat(ruleIds(rejects.get(0))).containsExactly("name.invalid", "type.unknown", "department.required",
                "version.invalid", "status.unknown");
        assertThat(ruleIds(rejects.get(1))).containsExactly("json.syntax");
        assertThat(rejects.get(1).get("rules").get(0).get("message").asString()).contains("line 3");
        assertThat(rejects.get(1).get("record").isString()).isTrue();
        assertThat(rejects.get(2).get("recordNumber").asLong()).isEqualTo(4);
        assertThat(ruleIds(rejects.get(2))).containsExactly("json.syntax");
        assertThat(ruleIds(rejects.get(3))).containsExactly("record.malformed");
        assertThat(ruleIds(rejects.get(4))).containsExactly("version.duplicate");
        assertThat(rejects.get(4).get("rules").get(0).get("message").asString())
                .isEqualTo("ok/prop/modeling v1 already appears in record 3");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a closing quote missing    | "status": "active                   | 4 | 1
            an opening quote missing   | "status": active"                   | 4 | 1
            a bracket closed by a brace| "status": "active", "tags": ["x"}   | 4 | 1
            a brace too many           | "status": "active"}                 | 5 | 2
            """)
    void aRecordBrokenInTheMiddleOfAnArrayCostsItselfNotTheRecordsAfterIt(String broken, String lastProperty,
                                                                          long read, long rejected) throws IOException {
        // given: four records of four assets, pretty-printed as the sample is; the second one broken
        String record = """
                  {
                    "asset": {"name": "%s", "type": "prop"},%s
                    "department": "modeling",
                    "version": 1,
                    %s
                  }""";
        String extraBrace = broken.equals("a brace too many") ? "}" : "";
        Path file = file("broken-" + broken.replace(' ', '-') + ".json", "[\n" + String.join(",\n",
                record.formatted("axe", "", "\"status\": \"active\""),
                record.formatted("bow", "", lastProperty.strip()).replace("\"prop\"},", "\"prop\"}" + extraBrace + ","),
                record.formatted("cup", "", "\"status\": \"active\""),
                record.formatted("die", "", "\"status\": \"active\"")) + "\n]\n");

        // when
        LoadSummary summary = loader.load(file);

        // then: the broken record is rejected; the records after it are read and registered. A brace too many leaves
        // the rest of the record as one more reject.
        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected()))
                .containsExactly(read, 3L, rejected);
        assertThat(jdbc.queryForList("SELECT name FROM asset ORDER BY name", String.class))
                .containsExactly("axe", "cup", "die");
        assertThat(rejectLines(summary)).allSatisfy(reject -> {
            assertThat(reject.get("line").asLong()).isBetween(7L, 13L);
            // no parser internals: Jackson says where a container began as "[Source: REDACTED ...; byte offset: ...]"
            assertThat(reject.get("rules").get(0).get("message").asString()).doesNotContain("Source", "offset");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"42", "null", "\"hero\"", "  null  \n"})
    void readsATopLevelScalarAsOneMalformedRecord(String content) throws IOException {
        LoadSummary summary = loader.load(file("scalar.json", content));

        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(1L, 0L, 1L);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("record.malformed", 1L));
    }

    @Test
    void aNameWithAnUnpairedSurrogateIsRejectedAndTheLoadGoesOn() throws IOException {
        // given: "\ud800" is well-formed JSON, but no text a database stores can hold it
        Path file = file("surrogate.jsonl", """
                {"asset": {"name": "a\\ud800", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                {"asset": {"name": "b\\ud83c\\udfac", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);

        // when
        LoadSummary summary = loader.load(file);

        // then
        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(2L, 1L, 1L);
        assertThat(rejectLines(summary)).singleElement().satisfies(reject -> {
            assertThat(reject.get("recordNumber").asLong()).isEqualTo(1);
            assertThat(ruleIds(reject)).containsExactly("name.invalid");
        });
        assertThat(jdbc.queryForObject("SELECT name FROM asset", String.class)).isEqualTo("b\uD83C\uDFAC");
    }

    @Test
    void controlCharactersInARejectedValueAreEscapedInItsMessageAndTheLoadGoesOn() throws IOException {
        // given: a NUL and an escape character in values, which the messages quote; PostgreSQL stores no NUL in text,
        // and a terminal that prints the report would obey the escape. The last record's token holds a raw NUL byte.
        Path file = file("controls.jsonl", """
                {"asset": {"name": "a", "type": "prop"}, "department": "fx", "version": 1, "status": "act\\u0000ive"}
                {"asset": {"name": "b", "type": "pr\\u001b[2Jop"}, "department": "fx", "version": 1, "status": "active"}
                {"asset": {"name": "c\\u0000", "type": "prop"}, "department": "fx", "version": 1, "status": "a\\"\\\\"}
                {"asset": {"name": "d", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                {"asset": {"name": "e", "type": "prop"}, "department": "fx", "version": 1, "status": tru\u0000e}
                """);

        // when
        LoadSummary summary = loader.load(file);

        // then
        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(5L, 1L, 4L);
        List<JsonNode> rejects = rejectLines(summary);
        assertThat(rejects).extracting(reject -> reject.get("rules").get(0).get("message").asString()).containsExactly(
                "status \"act\\u0000ive\" is not one of active, inactive",
                "asset.type \"pr\\u001b[2Jop\" is not one of character, prop, set, environment, vehicle, dressing, fx",
                "asset.name \"c\\u0000\" contains a control character",
                "line 5, column 86: Unrecognized token 'tru\\u0000e': was expecting (JSON String, Number, Array, "
                        + "Object or token 'null', 'true' or 'false')");
        assertThat(rejects.get(2).get("rules").get(1).get("message").asString())
                .as("quotes and backslashes escaped too")
                .isEqualTo("status \"a\\\"\\\\\" is not one of active, inactive");
        assertThat(jdbc.queryForList("SELECT message FROM reject_violation", String.class))
                .as("stored as printable text").hasSize(5)
                .noneMatch(message -> message.chars().anyMatch(Character::isISOControl));
    }

    @Test
    void theLargestVersionANumberCanHoldIsAGapLikeAnyOther() throws IOException {
        // given: the gap search looks for each version's successor, which the largest version has no room for
        Path file = file("largest.jsonl", """
                {"asset": {"name": "hero", "type": "prop"}, "department": "fx", "version": 2147483647, "status": "active"}
                {"asset": {"name": "hero", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);

        // when
        LoadSummary summary = loader.load(file);

        // then
        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(2L, 1L, 1L);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("version.sequence", 1L));
        assertThat(jdbc.queryForList("SELECT version FROM asset_version", Integer.class)).containsExactly(1);
    }

    @Test
    void rejectsEveryLineOfAFileThatIsNotJsonAndCompletes() throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Path file = Files.write(WORK_DIR.resolve("texture.png"), bytes);

        LoadSummary summary = loader.load(file);

        assertThat(summary.completed()).isTrue();
        assertThat(summary.registered()).isZero();
        assertThat(summary.rejected()).isEqualTo(summary.read()).isPositive();
        assertThat(summary.rejectsByRule()).containsOnlyKeys("json.syntax");
        List<JsonNode> rejects = rejectLines(summary);
        assertThat(rejects).hasSize((int) summary.rejected());
        assertThat(rejects).allSatisfy(reject -> {
            assertThat(ruleIds(reject)).containsExactly("json.syntax");
            assertThat(reject.get("record").asString()).as("an excerpt of at most 1 KiB").hasSizeLessThanOrEqualTo(1024);
        });
    }

    /** The outcomes data/README.md documents, worked out by hand from the rules. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            asset_data.json            | 20   | 17   | 3  | status.unknown 2, version.sequence 1
            asset_data_1000_valid.json | 1000 | 1000 | 0  | ''
            asset_data_errors.json     | 46   | 14   | 32 | version.invalid 6, name.invalid 4, name.required 3, record.malformed 3, version.sequence 3, asset.required 2, department.required 2, json.syntax 2, type.required 2, type.unknown 2, department.unknown 1, status.required 1, status.unknown 1, version.duplicate 1, version.required 1
            asset_data_errors.jsonl    | 30   | 8    | 22 | json.syntax 3, record.malformed 3, version.invalid 3, department.unknown 2, status.unknown 2, type.unknown 2, asset.required 1, department.required 1, name.invalid 1, name.required 1, status.required 1, type.required 1, version.duplicate 1, version.required 1, version.sequence 1
            """)
    void loadsEachDataFileWithItsDocumentedOutcome(String name, long read, long registered, long rejected,
                                                    String byRule) throws IOException {
        LoadSummary summary = loader.load(Path.of("data", name));

        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(read, registered, 0L, rejected);
        assertThat(summary.rejectsByRule().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))).isEqualTo(byRule);
        assertThat(Files.readAllLines(summary.reportDir().resolve("rejects.jsonl"))).hasSize((int) rejected);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(registered);
    }

    @ParameterizedTest(name = "json lines: {0}")
    @ValueSource(booleans = {false, true})
    void loadsAGeneratedFileWithExactlyTheOutcomeTheGeneratorPredicts(boolean jsonLines) throws IOException {
        Path file = WORK_DIR.resolve(jsonLines ? "generated.jsonl" : "generated.json");
        ExpectedOutcome expected;
        try (var out = Files.newBufferedWriter(file)) {
            expected = new AssetDataGenerator().generate(new GeneratorOptions(6_000, 0.15, 11, jsonLines), out);
        }

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(expected.read(), expected.registered(), 0L, expected.rejected());
        assertThat(summary.rejectsByRule()).containsExactlyInAnyOrderEntriesOf(expected.rejectsByRule());
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(expected.registered());
    }

    @Test
    void refusesAFileThatDoesNotExistWithoutStartingARun() {
        assertThatThrownBy(() -> loader.load(WORK_DIR.resolve("missing.json")))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("missing.json: no such file");
        assertThat(count("SELECT COUNT(*) FROM load_run")).isZero();
    }

    /** A "Unicode" export of a Windows tool: with a byte-order mark (as Notepad and PowerShell write it) or without. */
    @ParameterizedTest(name = "{0}, mark {1}")
    @CsvSource(delimiter = '|', textBlock = """
            UTF-16LE | true
            UTF-16LE | false
            UTF-16BE | true
            UTF-32LE | false
            """)
    void refusesAFileInUtf16OrUtf32NamingItsEncodingWithoutStartingARun(String encoding, boolean mark)
            throws IOException {
        String records = """
                {"asset": {"name": "a", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                {"asset": {"name": "b", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """;
        Path file = Files.write(WORK_DIR.resolve("unicode.jsonl"),
                ((mark ? "\uFEFF" : "") + records).getBytes(Charset.forName(encoding)));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InputEncodingException.class,
                        e -> assertThat(e.encoding()).isEqualTo(encoding))
                .hasMessage("Cannot load " + file + ": it is " + encoding + " text, and a load reads UTF-8 JSON; "
                        + "convert it first, for example with iconv -f " + encoding + " -t UTF-8");
        assertThat(count("SELECT COUNT(*) FROM load_run")).isZero();
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
    }

    @Test
    void refusesAGzipFileSayingHowToDecompressItWithoutStartingARun() throws IOException {
        Path file = WORK_DIR.resolve("nightly.json.gz");
        try (var gzip = new GZIPOutputStream(Files.newOutputStream(file))) {
            Files.copy(Path.of("data", "asset_data.json"), gzip);
        }

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InputEncodingException.class, e -> assertThat(e.encoding()).isEqualTo("gzip"))
                .hasMessage("Cannot load " + file + ": it is gzip-compressed, and a load reads UTF-8 JSON; "
                        + "decompress it first, for example with gunzip -k " + file);
        assertThat(count("SELECT COUNT(*) FROM load_run")).isZero();
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
    }

    @Test
    void aRefusedUploadIsNamedByItsSourceAndItsRemedyByAPlaceholderNotTheSource() throws IOException {
        Path spool = WORK_DIR.resolve("load-123.json");
        try (var gzip = new GZIPOutputStream(Files.newOutputStream(spool))) {
            Files.copy(Path.of("data", "asset_data.json"), gzip);
        }

        assertThatThrownBy(() -> loader.load(LoadRequest.of(spool).withSource("POST /assets/load nightly.json.gz")))
                .isInstanceOf(InputEncodingException.class)
                .hasMessage("Cannot load POST /assets/load nightly.json.gz: it is gzip-compressed, and a load reads "
                        + "UTF-8 JSON; decompress it first, for example with gunzip -k FILE");
    }

    @Test
    void anUploadWhoseReportCannotBeWrittenIsNamedByItsSourceNotTheServersSpoolPath() throws IOException {
        // given: the reports directory is a file, for a moment
        Path reports = WORK_DIR.resolve("reports");
        Path aside = WORK_DIR.resolve("reports-aside");
        Files.createDirectories(reports);
        Files.move(reports, aside);
        Files.writeString(reports, "not a directory");
        try {
            Path spool = file("load-124.json", Files.readString(SAMPLE));

            assertThatThrownBy(() -> loader.load(LoadRequest.of(spool).withSource("POST /assets/load nightly.json")))
                    .isInstanceOf(LoadException.class)
                    .hasMessageStartingWith("Cannot load POST /assets/load nightly.json: its report cannot be written")
                    .message().doesNotContain(spool.toString());
        } finally {
            Files.delete(reports);
            Files.move(aside, reports);
        }
    }

    @Test
    void aRunThatCannotWriteItsReportOnceItRegisteredFailsSayingWhatItRegistered() throws IOException {
        Path file = file("fine.json", "[{\"asset\": {\"name\": \"a\", \"type\": \"prop\"}, \"department\": "
                + "\"fx\", \"version\": 1, \"status\": \"active\"}]");
        long nextRun = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path blocked = WORK_DIR.resolve("reports").resolve(Long.toString(nextRun));
        Files.createDirectories(blocked.getParent());
        Files.deleteIfExists(blocked);
        Files.writeString(blocked, "a file where the report directory should be");
        try {
            assertThatThrownBy(() -> loader.load(file))
                    .isInstanceOf(LoadException.class)
                    .hasMessageContaining("registered its records (registered 1, unchanged 0, rejected 0), but its "
                            + "report could not be written: Cannot write the report file " + blocked)
                    .satisfies(e -> assertThat(((LoadException) e).summary())
                            .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(RunStatus.FAILED)));
            assertThat(jdbc.queryForObject("SELECT status FROM load_run WHERE id = ?", String.class, nextRun))
                    .isEqualTo("FAILED");
            // the resolution had committed: the record is registered, as the message says
            assertThat(count("SELECT COUNT(*) FROM asset_version v JOIN asset a ON a.id = v.asset_id "
                    + "WHERE a.name = 'a'")).isEqualTo(1);
        } finally {
            Files.delete(blocked);
        }

        // loading it again writes the report, and leaves the registration as it was: visible, not pending again
        LoadSummary resumed = loader.load(file);

        assertThat(resumed.runId()).isEqualTo(nextRun);
        assertThat(resumed.completed()).isTrue();
        assertThat(resumed.registered()).isEqualTo(1);
        assertThat(Files.isRegularFile(blocked.resolve("summary.json"))).isTrue();
        assertThat(count("SELECT COUNT(*) FROM asset_version v JOIN asset a ON a.id = v.asset_id "
                + "WHERE a.name = 'a'")).as("still registered").isEqualTo(1);
        assertThat(loadStore.findPendingLoad(0)).as("no load pending").isEmpty();
    }

    @Test
    void aLoadOfOtherContentWritesTheReportARegisteredRunOwesAndCompletesIt() throws IOException {
        // given: a load whose report could not be written once its versions were registered
        Path file = file("owed.json", "[{\"asset\": {\"name\": \"owed\", \"type\": \"prop\"}, \"department\": "
                + "\"fx\", \"version\": 1, \"status\": \"active\"}, {\"asset\": {\"name\": \"owed\"}}]");
        Path blocked = loadedWithoutItsReport(file);
        long owedRun = Long.parseLong(blocked.getFileName().toString());
        Files.delete(blocked);
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("rejects.jsonl.x1y2.partial"), "what a killed writer left");

        // when: another file is loaded, as the next night would
        List<String> warnings = new ArrayList<>();
        LoadSummary other = loader.load(LoadRequest.of(file("other.json", "[]\n")).withProgress(warnedInto(warnings)));

        // then: the earlier run completed, its report written where it belongs, and the load said so
        assertThat(other.completed()).isTrue();
        LoadRun owed = loadStore.findRun(owedRun).orElseThrow();
        assertThat(owed.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(owed.counts().registered()).isEqualTo(1);
        assertThat(owed.counts().rejected()).isEqualTo(1);
        ReportSummary report = new RejectReportReader().readSummary(blocked);
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.counts().read()).isEqualTo(2);
        assertThat(Files.readAllLines(blocked.resolve("rejects.jsonl"))).hasSize(1);
        try (var left = Files.list(blocked)) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("rejects.jsonl", "warnings.jsonl", "summary.json");
        }
        assertThat(warnings).containsExactly("Run " + owedRun + " of " + file + " registered its versions, and its"
                + " report was never written (its process ended, or the writing failed): written now, in "
                + blocked + "/");
        assertThat(loadStore.findRegisteredUnfinished()).isEmpty();
    }

    @Test
    void anOwedReportIsLeftOwedWhileItCannotBeWrittenAndNeverWrittenOverAnotherRunsReport() throws IOException {
        // given: a load whose report could not be written once its versions were registered
        Path file = file("owed-again.json", "[{\"asset\": {\"name\": \"again\", \"type\": \"prop\"}, "
                + "\"department\": \"fx\", \"version\": 1, \"status\": \"active\"}]");
        Path blocked = loadedWithoutItsReport(file);
        long owedRun = Long.parseLong(blocked.getFileName().toString());

        // when: a dry run of other content, then a load while the report still cannot be written
        List<String> warnings = new ArrayList<>();
        loader.load(LoadRequest.of(file("dry.json", "[]\n\n")).withDryRun(true).withProgress(warnedInto(warnings)));
        assertThat(warnings).as("a dry run changes nothing of others' runs").isEmpty();
        LoadSummary other = loader.load(LoadRequest.of(file("other-1.json", "[]\n\n\n"))
                .withProgress(warnedInto(warnings)));

        // then: it is still owed, said so, and its status is as it was
        assertThat(warnings).singleElement().asString().startsWith("Run " + owedRun + " of " + file
                + " registered its versions, and its report was never written").contains("; it still cannot be"
                + " written in " + blocked + ": ").endsWith("; the next load tries again");
        assertThat(loadStore.findRun(owedRun).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(loadStore.findRegisteredUnfinished()).extracting(LoadRun::id).containsExactly(owedRun);

        // when: the directory holds another run's report (another registry's run of the same number, say)
        Files.delete(blocked);
        Files.createDirectories(blocked);
        String another = Files.readString(other.reportDir().resolve(RejectReportWriter.SUMMARY_FILE));
        Files.writeString(blocked.resolve(RejectReportWriter.SUMMARY_FILE), another);
        warnings.clear();
        loader.load(LoadRequest.of(file("other-2.json", "[]\n\n\n\n\n")).withProgress(warnedInto(warnings)));

        // then: that report stays, and the run is owed still
        assertThat(blocked.resolve(RejectReportWriter.SUMMARY_FILE)).hasContent(another);
        assertThat(warnings).singleElement().asString().contains(blocked + " holds another run's report, which"
                + " stays");
        assertThat(loadStore.findRun(owedRun).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        FileSystemUtils.deleteRecursively(blocked);
        loader.load(LoadRequest.of(file("other-3.json", "[]\n\n\n\n\n\n")));
        assertThat(loadStore.findRun(owedRun).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    /**
     * Loads {@code file} with a file where its run's report directory should be: the run registers its versions, then
     * fails to write its report. Returns that report directory, a file still, named by the run's id.
     */
    private Path loadedWithoutItsReport(Path file) throws IOException {
        long run = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path blocked = WORK_DIR.resolve("reports").resolve(Long.toString(run));
        Files.createDirectories(blocked.getParent());
        FileSystemUtils.deleteRecursively(blocked);
        Files.writeString(blocked, "a file where the report directory should be");
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(LoadException.class)
                .hasMessageContaining("registered its records");
        return blocked;
    }

    private static Map<String, StepExecution> steps(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .collect(Collectors.toMap(StepExecution::getStepName, Function.identity()));
    }

    private static List<JsonNode> rejectLines(LoadSummary summary) throws IOException {
        return Files.readAllLines(summary.reportDir().resolve("rejects.jsonl")).stream()
                .map(JSON::readTree)
                .toList();
    }

    private static List<String> ruleIds(JsonNode reject) {
        return reject.get("rules").valueStream().map(rule -> rule.get("id").asString()).toList();
    }

    /** A listener that keeps what the load warned of. */
    private static LoadProgressListener warnedInto(List<String> warnings) {
        return new LoadProgressListener() {
            @Override
            public void progressed(LoadProgress progress) {
            }

            @Override
            public void warned(String message) {
                warnings.add(message);
            }
        };
    }
}
