package com.studio.assetregistry.registry;

import com.studio.assetregistry.ingest.RunOwner;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.storage.LoadRun;
import java.time.Instant;
import java.util.Map;

/**
 * A run as the list of recent runs shows it: a load, or a Java API call that added versions. Also the JSON shape of
 * a run, for the command line and the REST API.
 *
 * @param id             the run id, also the name of a load's report directory
 * @param kind           {@code load} for a file load, {@code dry-run} for a dry run (it registered nothing: its
 *                       {@code registered} count is what a load would have registered), {@code api} for an add
 *                       through the Java API
 * @param source         the file loaded, as it was given, or the API call
 * @param startedAt      when it started
 * @param endedAt        when it ended; {@code null} while it runs
 * @param durationMillis how long it took; {@code null} while it runs
 * @param status         {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, {@code ABANDONED} (its pending rows
 *                       removed, when other content was loaded first), or {@code INTERRUPTED}: still to finish, but
 *                       its process, on this host, no longer runs (killed, stopped); the same content resumes it
 * @param counts         records read, registered, unchanged, rejected, and with warnings
 * @param rejectsByRule  rejected records per rule id, largest count first
 * @param warningsByRule records with warnings per rule id, largest count first
 */
public record RunInfo(long id, String kind, String source, Instant startedAt, Instant endedAt, Long durationMillis,
                      String status, ReportSummary.Counts counts, Map<String, Long> rejectsByRule,
                      Map<String, Long> warningsByRule) {

    /** The status of a run whose process ended before it finished. */
    public static final String INTERRUPTED = "INTERRUPTED";

    static RunInfo of(LoadRun run) {
        var counts = run.counts();
        return new RunInfo(run.id(), run.kind(), run.source(), run.startedAt(), run.endedAt(),
                run.endedAt() == null ? null : run.worked(run.endedAt()).toMillis(),
                status(run), new ReportSummary.Counts(counts.read(), counts.registered(), counts.unchanged(),
                counts.rejected(), counts.warned()), counts.rejectsByRule(), counts.warningsByRule());
    }

    /** The run's status, {@code INTERRUPTED} instead of {@code RUNNING} if its process has ended. */
    private static String status(LoadRun run) {
        return RunOwner.ended(run) ? INTERRUPTED : run.status().name();
    }
}
