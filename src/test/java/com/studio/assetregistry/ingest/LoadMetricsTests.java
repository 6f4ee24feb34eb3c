package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.storage.LoadStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.test.JobScopeTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load's meters after real runs on a real registry: records by outcome, rejects by rule, a timer per run by how
 * it ended, the same figures in the run's summary.json, and none of Spring Batch's own observations. The meter
 * registry is shared by every test of the context, so each test reads what its own runs added.
 */
class LoadMetricsTests extends RegistryIntegrationTest {

    private static final Path SAMPLE = Path.of("data/asset_data.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ONE_RECORD = "[{\"asset\": {\"name\": \"a\", \"type\": \"prop\"}, \"department\": "
            + "\"fx\", \"version\": 1, \"status\": \"active\"}]";

    @Autowired
    private AssetLoader loader;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private LoadStore loadStore;
    @Autowired
    @Qualifier("stageRecordsStep")
    private Step stageRecordsStep;


    @Test
    void countsTheRecordsOfARunByOutcomeAndItsRejectsByRule() throws IOException {
        // given
        Map<String, Double> before = snapshot();

        // when
        LoadSummary summary = loader.load(SAMPLE);

        // then
        Map<String, Double> added = addedSince(before);
        assertThat(added).containsEntry("records/registered", 17.0).containsEntry("records/unchanged", 0.0)
                .containsEntry("records/rejected", 3.0)
                .containsEntry("rejects/status.unknown", 2.0).containsEntry("rejects/version.sequence", 1.0)
                .containsEntry("runs/COMPLETED", 1.0);
        assertThat(timer(LoadMetrics.STEP_DURATION, "step", "stageRecordsStep")).isNotNull();
        assertThat(summary.completed()).isTrue();
    }

    @Test
    void aDryRunAddsNothingToTheRecordCountersButItsSummaryHasWhatALoadWouldDo() throws IOException {
        Map<String, Double> before = snapshot();

        LoadSummary summary = loader.load(LoadRequest.of(SAMPLE).withDryRun(true));

        Map<String, Double> added = addedSince(before);
        assertThat(added).containsEntry("records/registered", 0.0).containsEntry("records/rejected", 0.0)
                .containsEntry("runs/COMPLETED", 1.0);
        assertThat(added.getOrDefault("rejects/status.unknown", 0.0)).isZero();
        JsonNode records = JSON.readTree(summary.reportDir().resolve("summary.json").toFile())
                .path("metrics").path("records");
        assertThat(records.path("registered").asLong()).isEqualTo(17);
        assertThat(records.path("rejected").asLong()).isEqualTo(3);
    }

    @Test
    void countsAForcedReloadAsUnchangedAndTheSameRejects() {
        loader.load(SAMPLE);
        Map<String, Double> before = snapshot();

        loader.load(LoadRequest.of(SAMPLE).withForce(true));

        assertThat(addedSince(before)).containsEntry("records/registered", 0.0)
                .containsEntry("records/unchanged", 17.0).containsEntry("records/rejected", 3.0)
                .containsEntry("rejects/status.unknown", 2.0).containsEntry("runs/COMPLETED", 1.0);
    }

    @Test
    void countsNothingForContentAlreadyLoaded() {
        loader.load(SAMPLE);
        Map<String, Double> before = snapshot();

        loader.load(SAMPLE); // unforced: loading the same content again is a no-op

        assertThat(addedSince(before)).containsEntry("records/registered", 0.0)
                .containsEntry("records/unchanged", 0.0).containsEntry("records/rejected", 0.0)
                .containsEntry("runs/COMPLETED", 0.0);
    }

    @Test
    void writesTheSameFiguresIntoTheRunsSummary() throws IOException {
        LoadSummary summary = loader.load(SAMPLE);

        JsonNode metrics = JSON.readTree(summary.reportDir().resolve("summary.json").toFile()).get("metrics");

        assertThat(JSON.writeValueAsString(metrics.get("records")))
                .isEqualTo("{\"registered\":17,\"unchanged\":0,\"rejected\":3}");
        assertThat(JSON.writeValueAsString(metrics.get("rejects")))
                .isEqualTo("{\"status.unknown\":2,\"version.sequence\":1}");
        assertThat(metrics.get("steps").propertyNames())
                .containsExactly("stageRecordsStep", "resolveRecordsStep", "writeReportStep");
        assertThat(metrics.get("durationMillis").asLong()).isPositive()
                .isGreaterThanOrEqualTo(metrics.get("steps").get("stageRecordsStep").asLong());
    }

    @Test
    void aResumedRunAddsOnlyWhatItsOwnExecutionDid() throws IOException {
        // given: a run that registered its record, then failed writing its report (a file blocks its directory)
        Path file = file("resumed.json", ONE_RECORD);
        long run = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path blocked = WORK_DIR.resolve("reports").resolve(Long.toString(run));
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "a file where the report directory should be");
        Map<String, Double> before = snapshot();
        try {
            assertThatThrownBy(() -> loader.load(file)).isInstanceOf(LoadException.class);
        } finally {
            Files.delete(blocked);
        }
        Map<String, Double> failed = addedSince(before);

        // when: it is resumed, which only writes the report
        LoadSummary resumed = loader.load(file);

        // then: the failed execution counted the registration; the resumed one adds nothing but its time
        assertThat(failed).containsEntry("records/registered", 1.0).containsEntry("runs/FAILED", 1.0);
        assertThat(addedSince(before)).containsEntry("records/registered", 1.0).containsEntry("runs/FAILED", 1.0)
                .containsEntry("runs/COMPLETED", 1.0);
        assertThat(resumed.runId()).isEqualTo(run);
        assertThat(resumed.registered()).isEqualTo(1);
        JsonNode metrics = JSON.readTree(resumed.reportDir().resolve("summary.json").toFile()).get("metrics");
        assertThat(metrics.get("records").get("registered").asLong()).isZero();
        assertThat(metrics.get("steps").propertyNames()).containsExactly("writeReportStep");
    }

    @Test
    void leavesSpringBatchsOwnObservationsOff() throws Exception {
        loader.load(SAMPLE);

        assertThat(meters.getMeters()).extracting(meter -> meter.getId().getName())
                .contains(LoadMetrics.RECORDS)
                .noneMatch(name -> name.startsWith("spring.batch"));
        // not even made and dropped: the steps keep Spring Batch's no-op registry; the reading step is job-scoped
        JobExecution execution = MetaDataInstanceFactory.createJobExecution("assetLoadJob", 1L, 1L,
                new JobParametersBuilder().addString("input.file", SAMPLE.toAbsolutePath().toString())
                        .addLong("run.id", 1L).toJobParameters());
        Step stage = JobScopeTestUtils.doInJobScope(execution, () -> AopTestUtils.getTargetObject(stageRecordsStep));
        assertThat(ReflectionTestUtils.getField(stage, "observationRegistry")).isSameAs(ObservationRegistry.NOOP);
    }

    /** The load meters' values, keyed {@code records/<outcome>}, {@code rejects/<rule>} and {@code runs/<status>}. */
    private Map<String, Double> snapshot() {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Meter meter : meters.getMeters()) {
            String name = meter.getId().getName();
            if (meter instanceof Counter counter && name.equals(LoadMetrics.RECORDS)) {
                values.put("records/" + meter.getId().getTag("outcome"), counter.count());
            } else if (meter instanceof Counter counter && name.equals(LoadMetrics.REJECTS)) {
                values.put("rejects/" + meter.getId().getTag("rule"), counter.count());
            } else if (meter instanceof Timer timer && name.equals(LoadMetrics.DURATION)) {
                values.put("runs/" + meter.getId().getTag("status"), (double) timer.count());
            }
        }
        return values;
    }

    private Map<String, Double> addedSince(Map<String, Double> before) {
        Map<String, Double> added = new LinkedHashMap<>();
        snapshot().forEach((key, value) -> added.put(key, value - before.getOrDefault(key, 0.0)));
        return added;
    }

    private Timer timer(String name, String tag, String value) {
        return meters.find(name).tag(tag, value).timer();
    }
}
