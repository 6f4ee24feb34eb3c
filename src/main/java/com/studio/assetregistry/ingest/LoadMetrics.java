package com.studio.assetregistry.ingest;

import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The load job's meters, fed once per job execution from the run's counts in the store, never per record:
 * <ul>
 *     <li>{@value #RECORDS}{@code {outcome=registered|unchanged|rejected}}, a counter of records;</li>
 *     <li>{@value #REJECTS}{@code {rule}}, a counter of rejected records per rule id (a record that breaks two rules
 *     counts under both);</li>
 *     <li>{@value #DURATION}{@code {status=COMPLETED|OVER_BUDGET|FAILED}}, a timer of job executions;</li>
 *     <li>{@value #STEP_DURATION}{@code {step}}, a timer of each step.</li>
 * </ul>
 * An execution adds what it did: the run's counts when it ends less its counts when it began, so a resumed run does
 * not count again what its interrupted execution committed. A dry run adds to the timers only: it registers nothing. {@link #measure} gives the same figures to the run's
 * {@code summary.json}; the meters then take exactly those. Thread-safe: executions are told apart by their id.
 */
class LoadMetrics implements JobExecutionListener {

    static final String RECORDS = "registry.load.records";
    static final String REJECTS = "registry.load.rejects";
    static final String DURATION = "registry.load.duration";
    static final String STEP_DURATION = "registry.load.step.duration";

    private static final String[] OUTCOMES = {"registered", "unchanged", "rejected"};

    private final MeterRegistry meters;
    private final LoadStore store;
    private final Map<Long, Figures> baselines = new ConcurrentHashMap<>();
    private final Map<Long, ReportSummary.Metrics> measured = new ConcurrentHashMap<>();

    LoadMetrics(MeterRegistry meters, LoadStore store) {
        this.meters = Objects.requireNonNull(meters, "The meter registry must not be null.");
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        for (String outcome : OUTCOMES) {
            records(outcome); // present from the start at 0, so that a rate or an alert has a series to read
        }
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = runId(execution);
        LoadRun run = store.findRun(runId).orElse(null);
        var rejects = store.rejectTally(runId);
        baselines.put(execution.getId(), run == null ? Figures.NONE
                : new Figures(run.counts().registered(), run.counts().unchanged(), rejects.records(),
                        rejects.byRule()));
    }

    /**
     * What this execution of {@code run} has added so far, for its summary: its counts less those it began with, and
     * its time until now. Remembered, so that the meters take the same figures when the execution ends.
     */
    ReportSummary.Metrics measure(JobExecution execution, LoadRun run) {
        Figures before = baselines.getOrDefault(execution.getId(), Figures.NONE);
        var counts = run.counts();
        Map<String, Long> records = new LinkedHashMap<>();
        records.put("registered", Math.max(0, counts.registered() - before.registered()));
        records.put("unchanged", Math.max(0, counts.unchanged() - before.unchanged()));
        records.put("rejected", Math.max(0, counts.rejected() - before.rejected()));
        Map<String, Long> rejects = new LinkedHashMap<>();
        counts.rejectsByRule().entrySet().stream()
                .map(rule -> Map.entry(rule.getKey(),
                        rule.getValue() - before.rejectsByRule().getOrDefault(rule.getKey(), 0L)))
                .filter(rule -> rule.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(rule -> rejects.put(rule.getKey(), rule.getValue()));
        Map<String, Long> steps = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            steps.put(step.getStepName(), millis(step.getStartTime(), step.getEndTime()));
        }
        var metrics = new ReportSummary.Metrics(records, rejects,
                millis(execution.getStartTime(), execution.getEndTime()), steps);
        measured.put(execution.getId(), metrics);
        return metrics;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            LoadRun run = store.findRun(runId(execution)).orElse(null);
            ReportSummary.Metrics metrics = measured.get(execution.getId());
            if (metrics == null && run != null) { // no summary was written: the run failed before its report
                metrics = measure(execution, run);
            }
            // a dry run's figures are what a load would do: its summary has them, the registry's counters do not
            if (metrics != null && run != null && !LoadRun.DRY_RUN.equals(run.kind())) {
                metrics.records().forEach((outcome, n) -> records(outcome).increment(n));
                metrics.rejects().forEach((rule, n) -> rejects(rule).increment(n));
            }
            for (StepExecution step : execution.getStepExecutions()) {
                Timer.builder(STEP_DURATION).description("Time of a step of the load job")
                        .tag("step", step.getStepName()).register(meters)
                        .record(duration(step.getStartTime(), step.getEndTime()));
            }
            Timer.builder(DURATION).description("Time of a run of the load job, by how it ended")
                    .tag("status", status(execution)).register(meters)
                    .record(duration(execution.getStartTime(), execution.getEndTime()));
        } finally {
            baselines.remove(execution.getId());
            measured.remove(execution.getId());
        }
    }

    /** {@code COMPLETED}, {@code OVER_BUDGET} for a load that rejected more than its budget, or the job's status. */
    static String status(JobExecution execution) {
        boolean overBudget = execution.getStepExecutions().stream()
                .anyMatch(step -> ResolveTasklet.OVER_BUDGET.equals(step.getExitStatus().getExitCode()));
        return overBudget ? ResolveTasklet.OVER_BUDGET : execution.getStatus().name();
    }

    private Counter records(String outcome) {
        return Counter.builder(RECORDS).description("Records of loads, by outcome").baseUnit("records")
                .tag("outcome", outcome).register(meters);
    }

    private Counter rejects(String rule) {
        return Counter.builder(REJECTS).description("Rejected records of loads, by rule broken").baseUnit("records")
                .tag("rule", rule).register(meters);
    }

    static long runId(JobExecution execution) {
        return execution.getJobParameters().getLong(LoadJobConfiguration.RUN_PARAMETER);
    }

    private static long millis(LocalDateTime start, LocalDateTime end) {
        return duration(start, end).toMillis();
    }

    /** From {@code start} to {@code end}, or to now while it runs. */
    private static Duration duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return Duration.ZERO;
        }
        return Duration.between(start, end == null ? LocalDateTime.now() : end);
    }

    /** A run's counts at one moment. */
    private record Figures(long registered, long unchanged, long rejected, Map<String, Long> rejectsByRule) {

        static final Figures NONE = new Figures(0, 0, 0, Map.of());
    }
}
