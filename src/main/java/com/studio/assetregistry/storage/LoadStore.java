package com.studio.assetregistry.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Records runs, writes the records of a run that kept the record rules to the registry as pending, registers them
 * once the whole run has been read and judged, and keeps the run's rejects and warnings.
 * <p>
 * A run's written records stay invisible to every reader of the registry ({@link AssetStore}) until
 * {@link #resolve} has removed those the cross-record rules refuse and registered the rest, atomically. One load at a
 * time may be pending in a registry ({@link #claimRun}).
 * <p>
 * Methods join the caller's transaction when there is one: a chunk's written records and its rejects commit
 * together, and {@link #resolve} registers a whole run atomically. Implementations are thread-safe.
 */
public interface LoadStore {

    /** Records the start of a run and returns its id. */
    long startRun(String kind, String source, long fileSize, Instant startedAt);

    /**
     * Marks a run as running in this process, for the file content with this SHA-256: a new run, or an unfinished one
     * being resumed. A load becomes the registry's pending load, unless its resolution has committed already (it is
     * resumed to write its report): its registrations are then final, and stay visible.
     *
     * @return whether the run is claimed: not if another process abandoned it ({@link #abandonRun}) since it was
     *         found unfinished
     * @throws LoadInProgressException if another load is pending in the registry: it must complete, or be abandoned
     *                                 ({@link #abandonRun}), first
     */
    default boolean claimRun(long runId, String sha256, String owner) {
        return claimRun(runId, sha256, owner, null);
    }

    /**
     * As {@link #claimRun(long, String, String)}, recording in the same update the digest of the rules the run is
     * judged by ({@link LoadRun#rules()}), unless it has one: a resumed run keeps its own.
     */
    boolean claimRun(long runId, String sha256, String owner, String rules);

    /**
     * Records that {@code owner} still runs these runs, at {@code at}: a process on another host, which cannot be
     * asked, tells by this whether they are still run ({@link LoadRun#heartbeat()}).
     */
    void beat(Collection<Long> runIds, String owner, Instant at);

    /** The load pending in the registry, other than {@code runId}, if any: it is running, or it died unfinished. */
    Optional<LoadRun> findPendingLoad(long runId);

    /**
     * Gives up an unfinished run for good, if it is still as {@code seen} (its status, owner and heartbeat) and still
     * pending: removes everything it wrote to the registry, and marks it {@code ABANDONED}, so that it is never
     * resumed; loading its content again starts anew. Its rejects stay. A process that still runs it can then neither
     * write nor register more of it ({@link RunAbandonedException}), nor record its end.
     *
     * @return whether it was abandoned: not if it changed since it was seen (another process, or the same one,
     *         resumed it; its process said it still runs it) or its registration committed meanwhile
     */
    boolean abandonRun(LoadRun seen);

    /**
     * The loads whose registration committed and that did not complete: their process died, or failed to write their
     * report, after their versions were registered. Their reports are owed; oldest first.
     */
    List<LoadRun> findRegisteredUnfinished();

    /**
     * The latest run of this kind ({@link LoadRun#LOAD} or {@link LoadRun#DRY_RUN}) of this file content that did not
     * complete (it failed, or its process died), if any. A run whose resolution was not kept (a load over its reject
     * budget, a dry run) is final, and never offered.
     */
    Optional<LoadRun> findUnfinishedRun(String kind, String sha256);

    /** The latest run of this kind of this file content that completed, if any. */
    Optional<LoadRun> findCompletedRun(String kind, String sha256);

    /**
     * Writes records of a run to the registry, pending: each version that is free is written; a record whose version
     * is already written (registered, or by an earlier record) is kept aside for {@link #resolve} to judge.
     */
    void write(long runId, List<StagedVersion> records);

    /** Records rejects of a run. */
    void reject(long runId, List<Reject> rejects);

    /**
     * Applies the cross-record facts to every record written for the run: registers each version that is new, keeps
     * no gap and comes first in the run; counts those already registered with the same status as unchanged; and
     * hands every other one to {@code findings}. The findings the store can place in the file come first, with their
     * position; then those it knows by record number only, in record order. The run's registered and unchanged counts
     * are set; the run is no longer pending, so its versions are visible, and a second call does nothing.
     *
     * @throws LoadInProgressException if a record's version is written by another run that is still pending (a load
     *                                 in progress): it is not registered, nor free to register
     */
    default Resolution resolve(long runId, Consumer<StagedFinding> findings) {
        return resolve(runId, findings, resolution -> true);
    }

    /**
     * As {@link #resolve(long, Consumer)}, but once every record of the run has been judged, {@code keep} decides whether
     * the registrations stand. If it answers {@code false}, the versions the walk registered are removed again, with
     * the assets they created, before the caller's transaction ends: the run registers nothing, the resolution
     * returned says so, and the run is final ({@link #findUnfinishedRun} never offers it to be resumed). The findings
     * have been handed out either way.
     */
    Resolution resolve(long runId, Consumer<StagedFinding> findings, Predicate<Resolution> keep);

    /**
     * What became of the run's registrations: whether {@link #resolve} ran for it to the end and its transaction
     * committed, keeping them (within its budget, and not a dry run) or not. What the job's own record of its steps
     * cannot say when it failed to be written after that commit. {@link Registration#PENDING} for no such run.
     */
    Registration registration(long runId);

    /**
     * Adds to a dry run's registered count the versions it would have registered: it resolved without keeping its
     * registrations, so {@link #resolve} counted none.
     */
    void countDryRunRegistrations(long runId, long versions);

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

    /**
     * Records that a run has read {@code read} records, as each of its chunks commits (in the chunk's transaction), so
     * that a run still loading, interrupted or abandoned shows how far it got; never lowers the count. The commit, at
     * {@code at}, is also a sign of life, as a {@linkplain #beat beat} is: a run killed between two beats ended at its
     * last commit, not at its previous beat.
     */
    void recordRead(long runId, long read, Instant at);

    /** Records where a run's report goes, or went: as the run is claimed, and where its abandonment wrote it. */
    void recordReportDir(long runId, String reportDir);

    /**
     * Records the end of a run: its status, how many records it read, and its rejects as recorded so far; an abandoned
     * run stays so.
     */
    void finishRun(long runId, RunStatus status, Instant endedAt, long read, String sha256, String reportDir);

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
    }

    /**
     * What a failure of this store means, in a sentence for the person who ran the load, when the database's own
     * words do not say it (which file, locked by whom, what to do); empty if they do.
     */
    default Optional<String> explain(Throwable failure) {
        return Optional.empty();
    }
}
