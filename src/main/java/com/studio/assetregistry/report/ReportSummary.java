package com.studio.assetregistry.report;

import com.studio.assetregistry.storage.LoadRun;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The content of {@code summary.json}.
 *
 * @param run              the run id
 * @param kind             {@code load}, or {@code dry-run} for a dry run, which registered nothing: its
 *                         {@code registered} count is what a load would have registered; {@code load} in reports
 *                         written before it was added
 * @param file             the file loaded
 * @param startedAt        when the run started
 * @param endedAt          when it ended
 * @param durationMillis   how long it took
 * @param status           {@code COMPLETED} or {@code FAILED}
 * @param counts           records read, registered, unchanged, rejected, and with warnings
 * @param rejectsByRule    rejected records per rule id, largest count first
 * @param warningsByRule   records with warnings per rule id, largest count first
 * @param ruleDescriptions one line saying when each of those rules breaks, as the run's rule catalogue had it, so a
 *                         report read elsewhere, or after the rules changed, still says what its rules meant; empty
 *                         in reports written before it was added
 * @param metrics          what the run's last execution added to the load's meters; {@code null} in reports written
 *                         before it was added, and in summaries of runs that did not go through the load job
 */
public record ReportSummary(long run, String kind, FileInfo file, Instant startedAt, Instant endedAt, long durationMillis,
                            String status, Counts counts, Map<String, Long> rejectsByRule,
                            Map<String, Long> warningsByRule, Map<String, String> ruleDescriptions,
                            Metrics metrics) {

    public ReportSummary {
        kind = kind == null ? LoadRun.LOAD : kind;
        rejectsByRule = rejectsByRule == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(rejectsByRule));
        warningsByRule = warningsByRule == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(warningsByRule));
        ruleDescriptions = ruleDescriptions == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(ruleDescriptions));
    }

    /** Whether the run was a dry run: it registered nothing, and {@code registered} counts what a load would have. */
    public boolean dryRun() {
        return LoadRun.DRY_RUN.equals(kind);
    }

    /** The file a run loaded: its path as given, its size and its SHA-256 in hex. */
    public record FileInfo(String path, long size, String sha256) {
    }

    /**
     * What the run did with the records it read. {@code warned} counts the records with warnings apart: they are
     * also counted as registered, unchanged or rejected.
     */
    public record Counts(long read, long registered, long unchanged, long rejected, long warned) {
    }

    /**
     * The figures one execution of the load job added to the meters a service exports (Micrometer, as
     * {@code /actuator/prometheus} shows them), written into the summary for runs whose process exports nothing, such
     * as the command line's. A run done in one go adds its whole counts; a run resumed after an interruption adds, in
     * the execution that finished it, only what that execution did (what was done before the interruption was counted
     * by the process that did it, or lost with it).
     *
     * @param records        records by outcome, {@code registered}, {@code unchanged} and {@code rejected}:
     *                       {@code registry.load.records{outcome}}
     * @param rejects        rejected records per rule id, largest count first: {@code registry.load.rejects{rule}}
     * @param durationMillis the execution's time until its summary was written: {@code registry.load.duration}
     * @param steps          each step's time in milliseconds, in the order they ran:
     *                       {@code registry.load.step.duration{step}}
     */
    public record Metrics(Map<String, Long> records, Map<String, Long> rejects, long durationMillis,
                          Map<String, Long> steps) {

        public Metrics {
            records = records == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(records));
            rejects = rejects == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(rejects));
            steps = steps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        }
    }

    /** The summary of a finished run, without rule descriptions. */
    public static ReportSummary of(LoadRun run) {
        Instant ended = run.endedAt() == null ? Instant.now() : run.endedAt();
        var counts = run.counts();
        return new ReportSummary(run.id(), run.kind(), new FileInfo(run.source(), run.fileSize(), run.sha256()), run.startedAt(),
                ended, run.worked(ended).toMillis(), run.status().name(),
                new Counts(counts.read(), counts.registered(), counts.unchanged(), counts.rejected(), counts.warned()),
                counts.rejectsByRule(), counts.warningsByRule(), Map.of(), null);
    }

    /** This summary with the figures its run's execution added to the meters. */
    public ReportSummary withMetrics(Metrics metrics) {
        return new ReportSummary(run, kind, file, startedAt, endedAt, durationMillis, status, counts, rejectsByRule,
                warningsByRule, ruleDescriptions, metrics);
    }

    /**
     * This summary with the description of each rule it counts, rejects and warnings alike, as {@code describe}
     * gives it, if it does.
     */
    public ReportSummary withRuleDescriptions(Function<String, Optional<String>> describe) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        rejectsByRule.keySet().forEach(rule -> describe.apply(rule).ifPresent(d -> descriptions.put(rule, d)));
        warningsByRule.keySet()
                .forEach(rule -> describe.apply(rule).ifPresent(d -> descriptions.putIfAbsent(rule, d)));
        return new ReportSummary(run, kind, file, startedAt, endedAt, durationMillis, status, counts, rejectsByRule,
                warningsByRule, descriptions, metrics);
    }
}
