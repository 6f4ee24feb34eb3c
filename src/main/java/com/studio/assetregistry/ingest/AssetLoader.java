package com.studio.assetregistry.ingest;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.files.SymbolicLinks;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.storage.LoadInProgressException;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.Registration;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.validation.RuleCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Loads a JSON file of version records into the registry by running the load job, and says what it did. Runs the
 * job in the calling thread: {@link #load} all at once, or {@link #prepare} then {@link #run} for a caller that needs
 * the run id before the load runs in a thread of its own. Both go the same way: one pending load per registry, whose
 * claim {@code load} waits for and {@code prepare} does not. Thread-safe.
 * <p>
 * A run is identified by the file's content (its SHA-256), not its path. Loading content whose last load did not
 * complete (it failed, or its process was killed) resumes that run where its last commit left it: a Spring Batch
 * restart of the same job instance, whose reader seeks to the byte offset saved at that commit. Loading content that
 * was already loaded completely does nothing unless forced. A dry run is a run of its own kind: it never resumes a
 * load, a load never resumes it, and it does not count as having loaded its content.
 */
@Service
public class AssetLoader implements AutoCloseable {

    /** The time in the name of an earlier report set aside: UTC, to the millisecond, sortable. */
    private static final DateTimeFormatter EARLIER =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(AssetLoader.class);
    private static final Duration QUEUE_POLL = Duration.ofMillis(500);
    private static final String OWNER = RunOwner.CURRENT;

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job assetLoadJob;
    private final LoadStore store;
    private final LoadProperties properties;
    private final RejectBudget budget;
    private final ProgressListeners progressListeners;
    private final OtherRunsReports otherRuns;
    /** The runs this process is loading now: a run of the same content is not resumed beside its live self. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final RunHeartbeat heartbeat;
    /** The digest of the rules this process judges by, and of its reader's limits ({@link RuleCatalogue}). */
    private final String rules;

    AssetLoader(JobOperator jobOperator, JobRepository jobRepository, Job assetLoadJob, LoadStore store,
                LoadProperties properties, RejectBudget budget, ProgressListeners progressListeners,
                OtherRunsReports otherRuns, RuleCatalogue rules, ReaderLimits limits) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "The job operator must not be null.");
        this.jobRepository = Objects.requireNonNull(jobRepository, "The job repository must not be null.");
        this.assetLoadJob = Objects.requireNonNull(assetLoadJob, "The load job must not be null.");
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        this.properties = Objects.requireNonNull(properties, "The load properties must not be null.");
        this.budget = Objects.requireNonNull(budget, "The reject budget must not be null.");
        this.progressListeners = Objects.requireNonNull(progressListeners, "The progress listeners must not be null.");
        this.otherRuns = Objects.requireNonNull(otherRuns, "The reports of other runs must not be null.");
        this.heartbeat = new RunHeartbeat(store, OWNER, runningHere);
        this.rules = rules.fingerprint(limits);
    }

    /** Stops the heartbeat of this process's runs: a run it still runs then counts as gone once silent long enough. */
    @Override
    public void close() {
        heartbeat.close();
    }

    /**
     * Loads {@code file}, as {@link #load(LoadRequest)} does with no option.
     */
    public LoadSummary load(Path file) {
        return load(LoadRequest.of(file));
    }

    /**
     * Loads the request's file: every valid record is registered, every other one is in the run's report. If the
     * last run of the same content and kind (load, or dry run) did not complete, resumes it instead of starting anew.
     * If the content was already loaded completely, does nothing and returns that earlier run's summary, marked
     * {@link LoadSummary#alreadyLoaded()}, unless the request is forced or a dry run. A dry run judges every record by
     * every rule and writes the full report, but registers nothing. While another run loads into the registry, from
     * this process or another, waits for it to end, up to {@code registry.load.queue-wait}.
     *
     * @return what the load did, or what the earlier load of the same content did
     * @throws RejectBudgetExceededException if it rejected more records than the reject budget allows: it registered
     *                                       nothing, and its report was written (a dry run throws it when a load would)
     * @throws RegistryBusyException         if another run was still loading into the registry when the wait ended
     * @throws LoadException                 if the file cannot be read or the load cannot finish
     */
    public LoadSummary load(LoadRequest request) {
        return run(prepare(request, properties.queueWait()));
    }

    /**
     * The first half of {@link #load(LoadRequest)}, for a caller that runs the load in the background and needs its
     * run id at once: records the run (a new one, or the unfinished run of the same content, to be resumed) and
     * claims the registry for it, without waiting. Reads the whole file once, for its SHA-256. {@link #run} does the
     * rest. Content already loaded completely (neither forced nor a dry run) is not recorded again: the load returned
     * is a no-op, its {@link PreparedLoad#alreadyLoaded()} the earlier run's summary.
     *
     * @throws RegistryBusyException if another run is loading into the registry, from this process or another
     * @throws LoadException         if the file cannot be read
     */
    public PreparedLoad prepare(LoadRequest request) {
        return prepare(request, Duration.ZERO);
    }

    /**
     * Runs a load that {@link #prepare} recorded, in the calling thread, as {@link #load(LoadRequest)} does; a no-op
     * returns the earlier run's summary at once.
     *
     * @throws RejectBudgetExceededException as {@link #load(LoadRequest)}
     * @throws LoadException                 as {@link #load(LoadRequest)}
     */
    public LoadSummary run(PreparedLoad load) {
        Objects.requireNonNull(load, "The load must not be null.");
        if (load.alreadyLoaded() != null) {
            return load.alreadyLoaded();
        }
        LoadRequest request = load.request();
        long runId = load.runId();
        Path file = request.file();
        load.abandoned().forEach(otherRuns::reportAbandoned);
        if (!request.dryRun()) { // a dry run changes nothing of the registry's, others' runs included
            otherRuns.writeOwedReports(runId, this::isLoading, message -> tellWarning(request, message));
        }
        JobParameters parameters = new JobParametersBuilder()
                .addLong(LoadJobConfiguration.RUN_PARAMETER, runId)
                .addString(LoadJobConfiguration.FILE_PARAMETER, file.toAbsolutePath().normalize().toString(),
                        false) // the file may have moved
                .addJobParameter(LoadJobConfiguration.DRY_RUN_PARAMETER, request.dryRun(), Boolean.class, false)
                .addString(LoadJobConfiguration.MODIFIED_PARAMETER, load.modified().toString(), false)
                .toJobParameters();
        JobExecution execution;
        LoadSummary summary;
        progressListeners.register(runId, request.progress());
        try {
            execution = jobOperator.start(assetLoadJob, parameters);
            summary = summary(runId, file);
        } catch (JobExecutionException e) {
            throw new LoadException("Cannot start the load of " + file + ": " + e.getMessage(), summary(runId, file), e);
        } catch (RuntimeException e) { // the job could not record its end, or its failure
            if (databaseLost(e)) {
                throw lostDatabase(request, e);
            }
            return outcomeUnrecorded(request, runId, e);
        } finally {
            progressListeners.remove(runId);
            runningHere.remove(runId);
        }
        if (execution.getStepExecutions().stream()
                .anyMatch(step -> ResolveTasklet.OVER_BUDGET.equals(step.getExitStatus().getExitCode()))) {
            throw overBudget(request, summary);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // a step's first failure is the cause; what follows it (its record failing too) is a consequence
            Throwable cause = execution.getStepExecutions().stream()
                    .flatMap(step -> step.getFailureExceptions().stream()).findFirst()
                    .or(() -> execution.getFailureExceptions().stream().findFirst()).orElse(null);
            if (registered(execution, request, runId)) {
                throw reportNotWritten(file, summary, cause);
            }
            if (databaseLost(cause)) {
                throw lostDatabase(request, cause);
            }
            String message = "The load of " + file + " failed: " + rootMessage(cause);
            if (causedBy(cause, FileChangedException.class)) {
                throw new InputChangedException(message, summary, cause);
            }
            throw new LoadException(message, summary, cause);
        }
        return summary;
    }

    /**
     * What a load did whose job failed to record how it ended (the registry locked by another process past the wait
     * as Spring Batch wrote the job's end, say), as the store has it: a run the store says completed, its report
     * written, did all it had to; a run whose registration committed has only its report left to write; any other
     * failed, and is resumed from its last commit by loading the same file again.
     */
    private LoadSummary outcomeUnrecorded(LoadRequest request, long runId, RuntimeException failure) {
        Path file = request.file();
        LoadSummary summary;
        Registration registration;
        try {
            summary = summary(runId, file);
            registration = store.registration(runId);
        } catch (RuntimeException unreadable) { // nor can the store say: the failure as it came
            failure.addSuppressed(unreadable);
            throw failure;
        }
        if (summary.status() == RunStatus.COMPLETED) {
            log.warn("Load run {} completed, but the record of its job's end could not be written: {}", runId,
                    rootMessage(failure));
            return summary;
        }
        if (registration == Registration.COMMITTED) {
            throw reportNotWritten(file, summary, failure);
        }
        if (registration == Registration.DISCARDED && !budget.allows(summary.rejected(), summary.read())) {
            throw overBudget(request, summary); // its counts are final: judged over its budget
        }
        if (summary.status() == RunStatus.RUNNING) { // the job never ran: no listener said it ended
            try {
                store.finishRun(runId, RunStatus.FAILED, Instant.now(), summary.read(), null, null);
                summary = summary(runId, file);
            } catch (RuntimeException unrecorded) { // still RUNNING: this process's end tells others it is over
                failure.addSuppressed(unrecorded);
            }
        }
        throw new LoadException("The load of " + file + " failed: " + rootMessage(failure), summary, failure);
    }

    /** A load, or dry run, that rejected more records than the reject budget allows. */
    private RejectBudgetExceededException overBudget(LoadRequest request, LoadSummary summary) {
        return new RejectBudgetExceededException((request.dryRun() ? "The dry run of " : "The load of ")
                + request.file() + " " + budget.describeExcess(summary.rejected(), summary.read())
                + (request.dryRun() ? "; a load would register nothing" : "; nothing was registered"), summary);
    }

    /** A load whose registration committed, and whose report could not be written. */
    private LoadException reportNotWritten(Path file, LoadSummary summary, Throwable cause) {
        return new LoadException("The load of " + file + " registered its records (registered "
                + summary.registered() + ", unchanged " + summary.unchanged() + ", rejected " + summary.rejected()
                + "), but its report could not be written: " + reportFailure(cause)
                + ". Load the same file again to write it", summary, cause);
    }

    /**
     * Whether the load's registration committed: its resolution completed, within its budget, for real. The store
     * says, since the job's record of its resolve step may have failed to be written once the registration had
     * committed (the registry locked by another process past the wait, say); the job's record, if the store cannot.
     */
    private boolean registered(JobExecution execution, LoadRequest request, long runId) {
        if (request.dryRun()) {
            return false;
        }
        try {
            return store.registration(runId) == Registration.COMMITTED;
        } catch (RuntimeException e) { // the database gone: what the job recorded is all there is to go by
            return execution.getStepExecutions().stream()
                    .anyMatch(step -> LoadJobConfiguration.RESOLVE_STEP.equals(step.getStepName())
                            && step.getStatus() == BatchStatus.COMPLETED
                            && !ResolveTasklet.OVER_BUDGET.equals(step.getExitStatus().getExitCode()));
        }
    }

    /**
     * A load {@link #prepare prepared} to {@link #run}: recorded in the store and claimed by this process, or a no-op
     * because its content was already loaded.
     *
     * @param runId         the run's id; for a no-op, the earlier load's
     * @param request       what to load, and how
     * @param alreadyLoaded for a no-op, the earlier load's summary; else {@code null}
     * @param modified      when the file had last been modified as it was hashed, which it must still be when the
     *                      load has read it; {@code null} for a no-op
     * @param abandoned     the unfinished runs its claim of the registry abandoned, whose reports its run writes first
     */
    public record PreparedLoad(long runId, LoadRequest request, LoadSummary alreadyLoaded, FileTime modified,
                               List<Long> abandoned) {

        public PreparedLoad {
            Objects.requireNonNull(request, "The load request must not be null.");
            abandoned = abandoned == null ? List.of() : List.copyOf(abandoned);
        }
    }

    /** Checks the file, finds the run to resume or the earlier load, and claims the registry, waiting up to queueWait. */
    private PreparedLoad prepare(LoadRequest request, Duration queueWait) {
        Objects.requireNonNull(request, "The load request must not be null.");
        Path file = request.file();
        Path absolute = file.toAbsolutePath().normalize();
        checkReadable(file, absolute);
        refuseOtherEncodings(request, absolute);
        FileDigest.Hash content = request.digest() == null ? FileDigest.hash(absolute) : request.digest().hash();
        String sha256 = content.sha256();
        String kind = request.dryRun() ? LoadRun.DRY_RUN : LoadRun.LOAD;
        Instant giveUp = Instant.now().plus(queueWait);
        Optional<LoadRun> unfinished = store.findUnfinishedRun(kind, sha256);
        boolean told = false;
        while (unfinished.isPresent() && isLoading(unfinished.get())) {
            // the same content is loading, in this process (the inbox and the API, say) or another: wait, then it is a
            // no-op; loads of one content queue as loads of other contents do
            LoadRun running = unfinished.get();
            String which = "run " + running.id() + " of the same content (" + running.source() + ", "
                    + (OWNER.equals(running.owner()) ? "in this process" : "process " + running.owner()) + ")";
            if (!Instant.now().isBefore(giveUp)) {
                throw new RegistryBusyException("Cannot load " + file + ": " + which + " is loading; wait for it to"
                        + " end", running.id());
            }
            if (!told) {
                tellWaiting(request, "Waiting for " + which + " to end before loading " + file);
                told = true;
            }
            pause();
            unfinished = store.findUnfinishedRun(kind, sha256);
        }
        List<Long> abandoned = new ArrayList<>();
        if (unfinished.isPresent() && judgedUnderOtherRules(unfinished.get())) {
            giveUpForOtherRules(unfinished.get(), request);
            abandoned.add(unfinished.get().id());
            unfinished = Optional.empty();
        }
        if (unfinished.isEmpty() && !request.dryRun() && !request.force()) {
            Optional<LoadRun> earlier = store.findCompletedRun(LoadRun.LOAD, sha256);
            if (earlier.isPresent()) {
                abandoned.forEach(otherRuns::reportAbandoned);
                return new PreparedLoad(earlier.get().id(), request,
                        LoadSummary.alreadyLoaded(earlier.get(), reportDirOf(earlier.get())), null, List.of());
            }
        }
        checkReportsDirectory(request.source());
        Optional<Long> resumed = unfinished.map(run -> prepareResume(run, file));
        long runId = claim(request, resumed, sha256, giveUp,
                () -> store.startRun(kind, request.source(), content.bytes(), Instant.now()), abandoned);
        return new PreparedLoad(runId, request, null, content.modified(), abandoned);
    }

    /**
     * Makes the run the registry's one pending load, and returns its id. A new run is recorded ({@code start}) once
     * the registry is free, so that a load refused at once leaves no run behind. A load of other content that died
     * unfinished is abandoned first: its pending registrations are removed, and loading its content again starts
     * anew; but not by a dry run, which is refused instead, so that trying a file never costs an interrupted load
     * its progress. A live one is waited for until {@code giveUp}: loads into one registry queue, whichever process
     * or host runs them.
     */
    private long claim(LoadRequest request, Optional<Long> resumed, String sha256, Instant giveUp,
                       LongSupplier start, List<Long> abandoned) {
        Path file = request.file();
        Long runId = resumed.orElse(null);
        boolean told = false;
        try {
            while (true) {
                Optional<LoadRun> other = store.findPendingLoad(runId == null ? 0 : runId);
                if (other.isPresent() && !isLoading(other.get())) {
                    if (request.dryRun() && !other.get().dryRun()) {
                        LoadRun interrupted = other.get();
                        throw new InterruptedLoadException("Cannot dry-run " + request.source() + ": run "
                                + interrupted.id() + ", an interrupted load of " + interrupted.source() + ", holds the"
                                + " registry, and a dry run does not give a load up; load that content again to resume"
                                + " it, or load other content to abandon it", interrupted.id());
                    }
                    if (store.abandonRun(other.get())) { // unless another process resumed it meanwhile
                        tellWarning(request, "Run " + other.get().id() + " of " + other.get().source() + " ended"
                                + " unfinished and is abandoned: its pending versions are removed; load it again to"
                                + " load it anew");
                        abandoned.add(other.get().id());
                    }
                    continue;
                }
                if (other.isEmpty()) {
                    if (runId == null) {
                        runId = start.getAsLong();
                    }
                    // before the claim: a thread of this process that sees the run claimed must see it loading here
                    runningHere.add(runId);
                    try {
                        if (!store.claimRun(runId, sha256, OWNER, rules)) {
                            throw new RegistryBusyException("Cannot resume run " + runId + " of " + file + ": another"
                                    + " load gave it up as it started; load the file again to load it anew", runId);
                        }
                        if (resumed.isEmpty()) { // once claimed: a run beaten to the registry leaves no directory
                            setAsideEarlierReport(runId, request);
                            // where its report goes, whichever process ends it: a load that abandons it writes it there
                            store.recordReportDir(runId, properties.reportDir(runId).toAbsolutePath().toString());
                        }
                        return runId;
                    } catch (LoadInProgressException e) { // another load claimed the registry in between
                        other = store.findRun(e.pendingRunId());
                    }
                }
                if (!Instant.now().isBefore(giveUp)) {
                    if (runId != null && resumed.isEmpty()) { // recorded, then beaten to the registry: it never ran
                        store.finishRun(runId, RunStatus.FAILED, Instant.now(), 0, sha256, null);
                    }
                    throw new RegistryBusyException("Cannot load " + file + ": " + describe(other)
                            + " is loading into this registry; wait for it to end", other.map(LoadRun::id).orElse(0L));
                }
                if (!told) {
                    tellWaiting(request, "Waiting for " + describe(other) + " to end before loading " + file);
                    told = true;
                }
                pause();
            }
        } catch (RuntimeException e) {
            if (runId != null) {
                runningHere.remove(runId);
            }
            throw e;
        }
    }

    /**
     * Makes a new run's report directory its own from the start, so that no report is ever written over: run ids are
     * the registry's own, so a directory already there holds the report of another registry that shares the reports
     * directory, or of this one before its file was replaced (a new file numbers its runs from 1 again). That one is
     * moved aside, to {@code N.earlier-<UTC time>} beside it, and the directory made again. A file in its place is
     * left to the report's writer, which names it. A run whose directory cannot be made its own fails before it
     * starts, and a load of the same content resumes it.
     */
    private void setAsideEarlierReport(long runId, LoadRequest request) {
        String source = request.source();
        Path dir = properties.reportDir(runId);
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    Files.createDirectories(dir.getParent());
                    Files.createDirectory(dir);
                    return;
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || attempt == 2) {
                        return; // not a directory; or made and moved by another registry as fast: it writes there
                    }
                    Path aside = dir.resolveSibling(dir.getFileName() + ".earlier-" + EARLIER.format(Instant.now()));
                    Files.move(dir, aside);
                    tellWarning(request, "The report directory " + dir + " held an earlier report, of another"
                            + " registry or of one whose file was replaced: moved to " + aside);
                }
            }
        } catch (IOException e) {
            store.finishRun(runId, RunStatus.FAILED, Instant.now(), 0, null, null);
            throw new LoadException("Cannot load " + source + ": the report directory " + dir + " cannot be made this"
                    + " run's own: " + FileFailures.reason(e), null, e);
        }
    }

    /** Says in the log, and to the request's listener (the command line prints it), what the load did to others'. */
    private static void tellWarning(LoadRequest request, String message) {
        log.warn(message);
        request.progress().warned(message);
    }

    /** Says in the log, and to the request's listener (the command line prints it), that the load waits. */
    private static void tellWaiting(LoadRequest request, String message) {
        log.warn(message);
        request.progress().waiting(message);
    }

    private static String describe(Optional<LoadRun> run) {
        return run.map(r -> "run " + r.id() + " of " + r.source() + " (process " + r.owner() + ")")
                .orElse("another run");
    }

    private static void pause() {
        try {
            Thread.sleep(QUEUE_POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("Interrupted while waiting for another load to end", null, e);
        }
    }

    /** Refuses to take over an unfinished run whose process still runs it, on this host or another. */
    private static void refuseIfAlive(LoadRun unfinished, Path file) {
        String owner = unfinished.owner();
        if (unfinished.status() == RunStatus.RUNNING && owner != null && !owner.equals(OWNER)
                && RunOwner.isAlive(unfinished)) {
            throw new RegistryBusyException("Run " + unfinished.id() + " of " + unfinished.source() + ", the same"
                    + " content as " + file + ", is still running (process "
                    + owner + (RunOwner.elsewhere(owner) ? ", on another host: presumed gone once silent for "
                    + RunOwner.SILENCE.toMinutes() + " minutes" : "") + "); wait for it to end", unfinished.id());
        }
    }

    /**
     * Whether an unfinished run was judged under other rules than this process's, and has not registered yet: resumed,
     * it would judge its records by two sets of rules. One whose registration has committed (only its report is left
     * to write) is resumed whatever the rules: its judgement is done.
     */
    private boolean judgedUnderOtherRules(LoadRun unfinished) {
        return unfinished.rules() != null && !unfinished.rules().equals(rules)
                && store.findPendingLoad(0).filter(pending -> pending.id() == unfinished.id()).isPresent();
    }

    /** Abandons an unfinished run judged under other rules, so that its content loads anew under these. */
    private void giveUpForOtherRules(LoadRun unfinished, LoadRequest request) {
        Path file = request.file();
        refuseIfAlive(unfinished, file);
        if (!store.abandonRun(unfinished)) {
            throw new RegistryBusyException("Run " + unfinished.id() + " of " + file + " was resumed by another"
                    + " process as this one started; wait for it to end", unfinished.id());
        }
        tellWarning(request, "Run " + unfinished.id() + " of " + unfinished.source() + " was judged under other"
                + " rules (the rules file changed since it started): it is abandoned, and " + file + " loads anew"
                + " under these");
    }

    /**
     * Readies an unfinished run to be resumed: a run whose process died left its job execution marked as running,
     * which Spring Batch must be told is over before it restarts the job. Refuses a run still alive on this host.
     */
    private long prepareResume(LoadRun unfinished, Path file) {
        refuseIfAlive(unfinished, file);
        JobParameters identifying = new JobParametersBuilder()
                .addLong(LoadJobConfiguration.RUN_PARAMETER, unfinished.id())
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(LoadJobConfiguration.JOB_NAME, identifying);
        JobInstance instance = last == null
                ? jobRepository.getJobInstance(LoadJobConfiguration.JOB_NAME, identifying) : null;
        if (instance != null) {
            // recorded, then its first execution could not be (the registry locked past the wait): Spring Batch
            // would find the instance and no execution to restart; the job starts anew without it
            jobRepository.deleteJobInstance(instance);
        } else if (last != null && last.getStatus().isRunning()) {
            jobOperator.recover(last);
        } else if (last != null && last.getStatus() == BatchStatus.UNKNOWN) {
            recoverUnknown(last);
        }
        return unfinished.id();
    }

    /**
     * Readies a run whose last failure could not be recorded (a full disk fails the failure's own record too; see
     * also {@link ChunkRollbackGuard}): Spring Batch calls such a job execution UNKNOWN, refuses to restart it, and
     * {@link JobOperator#recover} leaves it as it is. A load's job
     * can be restarted all the same: each chunk commits its records with the reader's position, so the database
     * holds exactly the state of the last commit, as after a kill. Its unfinished steps and itself are marked failed,
     * as {@code recover} marks those of a process that died.
     */
    private void recoverUnknown(JobExecution last) {
        log.warn("Run {}'s last attempt ended in a state Spring Batch could not record; resuming from its last commit",
                last.getJobParameters().getLong(LoadJobConfiguration.RUN_PARAMETER));
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                step.setEndTime(LocalDateTime.now());
                jobRepository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        last.setExitStatus(ExitStatus.FAILED);
        last.setEndTime(LocalDateTime.now());
        jobRepository.update(last);
    }

    /**
     * Whether a pending run is loading still: its status says so and its process is alive, and if that process is
     * this one, it is loading the run now. A run that failed is not, though its process may live on (serve, or a
     * command loading several files): it would otherwise hold the registry until that process ends. Nor is a run of
     * this process that it no longer loads, though the run still says RUNNING: a failure whose record failed too (a
     * full disk) leaves it so.
     */
    private boolean isLoading(LoadRun run) {
        if (run.status() != RunStatus.RUNNING || run.owner() == null) {
            return false;
        }
        return run.owner().equals(OWNER) ? runningHere.contains(run.id()) : RunOwner.isAlive(run);
    }

    private LoadSummary summary(long runId, Path file) {
        LoadRun run = store.findRun(runId).orElseThrow(() -> new IllegalStateException("Run " + runId + " vanished."));
        return LoadSummary.of(run, file, properties.reportDir(runId));
    }

    /** Where an earlier run's report was written, which may not be under today's reports directory. */
    private Path reportDirOf(LoadRun run) {
        if (run.reportDir() == null) {
            return properties.reportDir(run.id());
        }
        // recorded absolute; said as the reports directory in force names it, when it is that directory
        Path recorded = Path.of(run.reportDir());
        Path configured = properties.reportDir(run.id());
        return configured.toAbsolutePath().normalize().equals(recorded.normalize()) ? configured : recorded;
    }

    private static void checkReadable(Path file, Path absolute) {
        if (file.toString().isEmpty()) { // the working directory, which the next check would call a directory
            throw new LoadException("Cannot load a file of no name: name the file to load", null, null);
        }
        if (!Files.exists(absolute)) {
            throw new LoadException("Cannot load " + file + ": " + whyMissing(file, absolute), null, null);
        }
        if (Files.isDirectory(absolute)) {
            throw new LoadException("Cannot load " + file + ": it is a directory; name the files in it to load them, "
                    + "for example " + file + "/*.json", null, null);
        }
        if (!Files.isRegularFile(absolute)) { // a pipe, <(zcat f.gz) say, or a device
            throw new LoadException("Cannot load " + file + ": not a regular file (a pipe or a device); a load reads a "
                    + "file that it can hash, to know it again, and seek in, to resume it: write the stream to a file "
                    + "first", null, null);
        }
        if (!Files.isReadable(absolute)) {
            throw new LoadException("Cannot load " + file + ": permission denied", null, null);
        }
    }

    /**
     * Why a file {@link Files#exists} denies is not there: a symbolic link to nothing, or in a loop, is named so;
     * {@code -}, which other commands read as standard input, is said not to be.
     */
    private static String whyMissing(Path file, Path absolute) {
        if (Files.isSymbolicLink(absolute)) {
            try {
                SymbolicLinks.finalTarget(absolute);
            } catch (FileSystemLoopException e) {
                return "its symbolic links lead round in a loop";
            } catch (IOException e) {
                return "cannot follow its symbolic link: " + FileFailures.reason(e);
            }
            return "it is a symbolic link to a file that does not exist";
        }
        if (file.toString().equals("-")) {
            return "no such file; a load reads a file, not standard input (it hashes the file to know it again, and"
                    + " seeks in it to resume): write the stream to a file first";
        }
        return FileFailures.noSuchFile(file.toString());
    }

    /**
     * Refuses a load whose report could not be written, before its run starts: found only once the load registered
     * its records, a reports directory that is a file, or that may not be written, would fail a load that did its
     * work.
     */
    private void checkReportsDirectory(String source) {
        Path dir = properties.reportsDir();
        try {
            RejectReportWriter.checkWritable(dir);
        } catch (UncheckedIOException e) {
            throw new LoadException("Cannot load " + source + ": its report cannot be written: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * Refuses a file in UTF-16 or UTF-32, or compressed, before a run starts: read as UTF-8, every record of it would
     * be a syntax error (and Jackson, which recognises UTF-16 and UTF-32 in a record on its own, would read a few of
     * them right).
     */
    private static void refuseOtherEncodings(LoadRequest request, Path absolute) {
        String source = request.source();
        // a file the user can run a command on; an upload's source is not one ("POST /assets/load nightly.json.gz")
        String commandArgument = source.equals(request.file().toString()) ? source : "FILE";
        Optional<String> encoding;
        try {
            encoding = FileEncoding.otherThanUtf8(absolute);
        } catch (IOException e) {
            throw new LoadException("Cannot load " + source + ": " + e.getMessage(), null, e);
        }
        if (encoding.isPresent()) {
            throw new InputEncodingException("Cannot load " + source + ": it is "
                    + FileEncoding.describe(encoding.get()) + ", and a load reads UTF-8 JSON; "
                    + FileEncoding.remedy(encoding.get(), commandArgument), encoding.get());
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return ExceptionUtils.indexOfType(failure, type) >= 0;
    }

    /**
     * Whether a failure is the database gone: the connection pool could not connect (a server stopped, a network
     * cut: the pool's timeout says why, in the connection attempt's failure), or the connection in use was broken or
     * closed by the server (SQL state class 08, connection exception, or 57P, operator intervention). Not a pool
     * with every connection busy, nor SQLite's lock held past its busy timeout: the database is there.
     */
    private static boolean databaseLost(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .anyMatch(t -> t instanceof SQLTransientConnectionException timedOut
                        && timedOut.getCause() instanceof SQLException
                        || t instanceof SQLException sql && sql.getSQLState() != null
                                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
    }

    /** The run stays unfinished, its last commit kept: the next run of the same content resumes it from there. */
    private LoadException lostDatabase(LoadRequest request, Throwable failure) {
        String kind = request.dryRun() ? "dry run" : "load";
        return new LoadException("The " + kind + " of " + request.file() + " failed: the database cannot be reached ("
                + rootMessage(failure) + "); once it is back, " + (request.dryRun() ? "dry-run" : "load")
                + " the same file again to resume it from its last commit", null, failure);
    }

    /** What the report's writer said ({@link RejectReportWriter} says it in full), or else the root cause's words. */
    private String reportFailure(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .filter(t -> t instanceof UncheckedIOException && t.getMessage() != null).findFirst()
                .map(Throwable::getMessage).orElseGet(() -> rootMessage(failure));
    }

    /** What went wrong, in the store's words if it has some ({@link LoadStore#explain}), or the root cause's. */
    private String rootMessage(Throwable failure) {
        if (failure == null) {
            return "the job ended without completing";
        }
        Optional<String> explained = store.explain(failure);
        if (explained.isPresent()) {
            return explained.get();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof IOException io) { // often only a path: the file deleted, say
            return FileFailures.describe(io);
        }
        if (root instanceof OutOfMemoryError heap) {
            return "it " + Heap.exhausted(heap);
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
