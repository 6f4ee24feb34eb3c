package com.studio.assetregistry.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a load, or one Java API call that added versions, as recorded in the store.
 *
 * @param id         the run id, also the name of its report directory
 * @param kind       {@link #LOAD} for a file load, {@link #DRY_RUN} for a dry run of one, {@code api} for an add
 *                   through the Java API
 * @param source     the file loaded, as given, or a description of the API call
 * @param fileSize   the file's size in bytes; 0 for API calls
 * @param sha256     the file's SHA-256 in hex, once known; may be {@code null}
 * @param startedAt  when the run started
 * @param endedAt    when it ended, or {@code null} while it runs
 * @param paused     how long it was stopped between attempts: from the last sign of an attempt that died or failed to
 *                   the start of the attempt that resumed it
 * @param status     {@code RUNNING}, {@code COMPLETED}, {@code FAILED}, or {@code ABANDONED} (given up unfinished)
 * @param counts     what it did
 * @param reportDir  where its report was written, or {@code null}
 * @param owner      the process running or last running it, as {@code pid@host}, or {@code null}
 * @param heartbeat  when that process last said it runs it (it does every few seconds while it does), or {@code null}
 * @param rules      the digest of the rules it is judged by, or {@code null} for a run that has none recorded
 */
public record LoadRun(long id, String kind, String source, long fileSize, String sha256, Instant startedAt,
                      Instant endedAt, Duration paused, RunStatus status, RunCounts counts, String reportDir, String owner,
                      Instant heartbeat, String rules) {

    /** The kind of a run that loaded a file. */
    public static final String LOAD = "load";

    /**
     * The kind of a run that judged a file by every rule without registering it: its {@code registered} count is
     * what a load would have registered.
     */
    public static final String DRY_RUN = "dry-run";

    /**
     * How long it has worked until {@code end} (its end, or now while it runs): its time since it started, less the
     * time it was stopped between attempts.
     */
    public Duration worked(Instant end) {
        return Duration.between(startedAt, end).minus(paused);
    }

    /** Whether this run is a dry run: it registered nothing, whatever its counts say it would have. */
    public boolean dryRun() {
        return DRY_RUN.equals(kind);
    }

    /**
     * This run with its rejected records (those committed so far, for a running run), its per-rule reject counts and
     * its warnings replaced.
     */
    public LoadRun withTallies(long rejected, Map<String, Long> rejectsByRule, long warned,
            Map<String, Long> warningsByRule) {
        var withRules = new RunCounts(counts.read(), counts.registered(), counts.unchanged(), rejected,
                rejectsByRule, warned, warningsByRule);
        return new LoadRun(id, kind, source, fileSize, sha256, startedAt, endedAt, paused, status, withRules,
                reportDir, owner, heartbeat, rules);
    }

    /**
     * The outcome counts of a run. {@code rejected} counts records; a record that broke two rules counts once there
     * and once under each rule in {@code rejectsByRule}, which is ordered by count, largest first. {@code warned} and
     * {@code warningsByRule} count the records with warnings in the same way, apart from the rejects: a warned record
     * may be registered or rejected.
     */
    public record RunCounts(long read, long registered, long unchanged, long rejected,
                            Map<String, Long> rejectsByRule, long warned, Map<String, Long> warningsByRule) {

        public RunCounts {
            rejectsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(rejectsByRule));
            warningsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(warningsByRule));
        }
    }
}
