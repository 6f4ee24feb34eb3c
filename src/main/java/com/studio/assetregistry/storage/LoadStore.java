package com.studio.assetregistry.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records runs, stages the records of a run that kept the record rules, registers them once the whole run has been
 * read, and keeps the run's rejects and warnings.
 * <p>
 * Methods join the caller's transaction when there is one: a chunk's staged records and its rejects commit together,
 * and {@link #resolve} registers a whole run atomically. Implementations are thread-safe.
 */
public interface LoadStore {

    /** Records the start of a run and returns its id. */
    long startRun(String kind, String source, long fileSize, Instant startedAt);

    /**
     * Marks a run as running in this process, for the file content with this SHA-256: a new run, or an unfinished one
     * being resumed.
     */
    void claimRun(long runId, String sha256, String owner);

    /**
     * The latest load of this file content that did not complete (it failed, or its process died), if any. A load
     * whose resolution was not kept (it was over its reject budget) is final, and never offered.
     */
    Optional<LoadRun> findUnfinishedLoad(String sha256);

    /** Stages records of a run. */
    void stage(long runId, List<StagedVersion> records);

    /** Records rejects of a run. */
    void reject(long runId, List<Reject> rejects);

    /**
     * Applies the cross-record facts to every record staged for the run: registers each version that is new, keeps
     * no gap and comes first in the run; counts those already registered with the same status as unchanged; and
     * hands every other one to {@code findings}. The run's registered and unchanged counts grow by what it did. The
     * staged records are then removed, so a second call does nothing.
     */
    default Resolution resolve(long runId, Consumer<StagedFinding> findings) {
        return resolve(runId, findings, resolution -> true);
    }

    /**
     * As {@link #resolve(long, Consumer)}, but once every staged record has been judged, {@code keep} decides whether
     * the registrations stand. If it answers {@code false}, the versions the walk registered are removed again, with
     * the assets they created, before the caller's transaction ends: the run registers nothing, the resolution
     * returned says so, and the run is final ({@link #findUnfinishedLoad} never offers it to be resumed). The findings
     * have been handed out either way.
     */
    Resolution resolve(long runId, Consumer<StagedFinding> findings, Predicate<Resolution> keep);

    /** Records warnings of a run: records that broke rules whose severity is warning. */
    void warn(long runId, List<Warning> warnings);

    /** The run's rejects in record order, streamed to {@code action}. */
    void forEachReject(long runId, Consumer<Reject> action);

    /**
     * One page of the run's rejects in record order: the first {@code limit} after record number {@code after}
     * (0 for the first page), only those that broke {@code rule} when it is not {@code null}. Paged by record number,
     * so every page costs the same wherever it starts.
     */
    List<Reject> rejects(long runId, String rule, long after, int limit);

    /** The run's warnings in record order, streamed to {@code action}. */
    void forEachWarning(long runId, Consumer<Warning> action);

    /** How many records of the run were rejected, in all and per rule. */
    RuleTally rejectTally(long runId);

    /** How many records of the run had warnings, in all and per rule. */
    RuleTally warningTally(long runId);

    /** Records the end of a run: its status, how many records it read, and its rejects as recorded so far. */
    void finishRun(long runId, String status, Instant endedAt, long read, String sha256, String reportDir);

    /** The run with this id. */
    Optional<LoadRun> findRun(long runId);

    /** The {@code limit} most recent runs, the latest first, each with its rejects and warnings per rule. */
    List<LoadRun> recentRuns(int limit);

    /**
     * How many records of a run broke rules: the rejected ones, or those with warnings.
     *
     * @param records the records
     * @param byRule  the records per rule id, largest count first; a record that broke two rules counts under both
     */
    record RuleTally(long records, Map<String, Long> byRule) {

        /** No record. */
        public static final RuleTally NONE = new RuleTally(0, Map.of());
    }
}
