package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a load did.
 *
 * @param runId         the run's id, also the name of its report directory
 * @param file          the file loaded
 * @param status        {@link RunStatus#COMPLETED}, or {@link RunStatus#FAILED} when the run could not finish
 * @param read          records read from the file
 * @param registered    versions newly registered
 * @param unchanged     records identical to a registered version: counted, not registered again, not rejected
 * @param rejected      records rejected
 * @param rejectsByRule rejected records per rule id, largest count first; a record that broke two rules counts
 *                      under both
 * @param warned        records that broke rules whose severity is warning, counted apart: each is also registered,
 *                      unchanged or rejected
 * @param warningsByRule records with warnings per rule id, largest count first
 * @param reportDir     the directory holding {@code rejects.jsonl}, {@code warnings.jsonl} and {@code summary.json}
 * @param startedAt     when the run started
 * @param endedAt       when it ended
 * @param dryRun        whether the run was a dry run: it registered nothing, and {@code registered} counts the versions
 *                      a load would have registered
 * @param alreadyLoaded whether the load did nothing because its content had been loaded completely before: this is
 *                      then the summary of that earlier run, its file the path that run was given
 */
public record LoadSummary(long runId, Path file, RunStatus status, long read, long registered, long unchanged,
                          long rejected, Map<String, Long> rejectsByRule, long warned, Map<String, Long> warningsByRule,
                          Path reportDir, Instant startedAt, Instant endedAt, boolean dryRun, boolean alreadyLoaded) {

    static LoadSummary of(LoadRun run, Path file, Path reportDir) {
        return of(run, file, reportDir, false);
    }

    /** The summary of an earlier run that loaded the same content completely. */
    static LoadSummary alreadyLoaded(LoadRun earlier, Path reportDir) {
        return of(earlier, Path.of(earlier.source()), reportDir, true);
    }

    private static LoadSummary of(LoadRun run, Path file, Path reportDir, boolean alreadyLoaded) {
        var counts = run.counts();
        return new LoadSummary(run.id(), file, run.status(), counts.read(), counts.registered(), counts.unchanged(),
                counts.rejected(), counts.rejectsByRule(), counts.warned(), counts.warningsByRule(), reportDir,
                run.startedAt(), run.endedAt(), run.dryRun(), alreadyLoaded);
    }

    /**
     * The counts as every summary line gives them (the command line's, the log's, the inbox's notes):
     * {@code read 20, registered 17, unchanged 0, rejected 3 (status.unknown 2, version.sequence 1)}, with
     * {@code , warned 2 (name.pattern 2)} when records had warnings.
     */
    public String countsLine() {
        return countsLine(read, registered, unchanged, rejected, rejectsByRule, warned, warningsByRule);
    }

    static String countsLine(LoadRun run) {
        var counts = run.counts();
        return countsLine(counts.read(), counts.registered(), counts.unchanged(), counts.rejected(),
                counts.rejectsByRule(), counts.warned(), counts.warningsByRule());
    }

    private static String countsLine(long read, long registered, long unchanged, long rejected,
                                     Map<String, Long> rejectsByRule, long warned, Map<String, Long> warningsByRule) {
        return "read " + read + ", registered " + registered + ", unchanged " + unchanged + ", rejected " + rejected
                + byRule(rejectsByRule) + (warned == 0 ? "" : ", warned " + warned + byRule(warningsByRule));
    }

    /** Counts by rule as the summary line has them, {@code " (status.unknown 2, version.sequence 1)"}; none: "". */
    public static String byRule(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : counts.entrySet().stream()
                .map(rule -> rule.getKey() + " " + rule.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** Whether the run finished; it may still have rejected records. */
    public boolean completed() {
        return status == RunStatus.COMPLETED;
    }
}
