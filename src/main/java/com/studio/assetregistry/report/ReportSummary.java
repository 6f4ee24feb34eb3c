package com.studio.assetregistry.report;

import com.studio.assetregistry.storage.LoadRun;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The content of {@code summary.json}.
 *
 * @param run           the run id
 * @param file          the file loaded
 * @param startedAt     when the run started
 * @param endedAt       when it ended
 * @param durationMillis how long it took
 * @param status        {@code COMPLETED} or {@code FAILED}
 * @param counts         records read, registered, unchanged, rejected, and with warnings
 * @param rejectsByRule  rejected records per rule id, largest count first
 * @param warningsByRule records with warnings per rule id, largest count first
 */
public record ReportSummary(long run, FileInfo file, Instant startedAt, Instant endedAt, long durationMillis,
                            String status, Counts counts, Map<String, Long> rejectsByRule,
                            Map<String, Long> warningsByRule) {

    /** The file a run loaded: its path as given, its size and its SHA-256 in hex. */
    public record FileInfo(String path, long size, String sha256) {
    }

    /**
     * What the run did with the records it read. {@code warned} counts the records with warnings apart: they are
     * also counted as registered, unchanged or rejected.
     */
    public record Counts(long read, long registered, long unchanged, long rejected, long warned) {
    }

    /** The summary of a finished run. */
    public static ReportSummary of(LoadRun run) {
        Instant ended = run.endedAt() == null ? Instant.now() : run.endedAt();
        var counts = run.counts();
        return new ReportSummary(run.id(), new FileInfo(run.source(), run.fileSize(), run.sha256()), run.startedAt(),
                ended, Duration.between(run.startedAt(), ended).toMillis(), run.status(),
                new Counts(counts.read(), counts.registered(), counts.unchanged(), counts.rejected(), counts.warned()),
                counts.rejectsByRule(), counts.warningsByRule());
    }
}
