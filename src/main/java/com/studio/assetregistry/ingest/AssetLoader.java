package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.DatabaseFailures;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.Registration;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.validation.RuleCatalogue;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    private static final Logger log = LoggerFactory.getLogger(AssetLoader.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job assetLoadJob;
    private final LoadStore store;
    private final LoadProperties properties;
    private final RejectBudget budget;
    private final LoadFailures failures;
    private final ProgressListeners progressListeners;
    private final OtherRunsReports otherRuns;
    private final RegistryClaim claims;
    private final RunHeartbeat heartbeat;

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
        this.failures = new LoadFailures(store, budget);
        // the digest of the rules this process judges by, and of its reader's limits
        this.claims = new RegistryClaim(store, properties, rules.fingerprint(limits));
        this.heartbeat = new RunHeartbeat(store, RegistryClaim.OWNER, claims.runningHere());
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
            otherRuns.writeOwedReports(runId, claims::isLoading, message -> RegistryClaim.tellWarning(request, message));
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
            if (DatabaseFailures.unreachable(e)) {
                throw failures.lostDatabase(request, e);
            }
            return outcomeUnrecorded(request, runId, e);
        } finally {
            progressListeners.remove(runId);
            claims.released(runId);
        }
        if (execution.getStepExecutions().stream()
                .anyMatch(step -> ResolveTasklet.OVER_BUDGET.equals(step.getExitStatus().getExitCode()))) {
            throw failures.overBudget(request, summary);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            // a step's first failure is the cause; what follows it (its record failing too) is a consequence
            Throwable cause = execution.getStepExecutions().stream()
                    .flatMap(step -> step.getFailureExceptions().stream()).findFirst()
                    .or(() -> execution.getFailureExceptions().stream().findFirst()).orElse(null);
            if (registered(execution, request, runId)) {
                throw failures.reportNotWritten(file, summary, cause);
            }
            if (DatabaseFailures.unreachable(cause)) {
                throw failures.lostDatabase(request, cause);
            }
            throw failures.failed(file, summary, cause);
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
                    failures.rootMessage(failure));
            return summary;
        }
        if (registration == Registration.COMMITTED) {
            throw failures.reportNotWritten(file, summary, failure);
        }
        if (registration == Registration.DISCARDED && !budget.allows(summary.rejected(), summary.read())) {
            throw failures.overBudget(request, summary); // its counts are final: judged over its budget
        }
        if (summary.status() == RunStatus.RUNNING) { // the job never ran: no listener said it ended
            try {
                store.finishRun(runId, RunStatus.FAILED, Instant.now(), summary.read(), null, null);
                summary = summary(runId, file);
            } catch (RuntimeException unrecorded) { // still RUNNING: this process's end tells others it is over
                failure.addSuppressed(unrecorded);
            }
        }
        throw failures.failed(file, summary, failure);
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
        LoadFileChecks.checkFile(request, absolute);
        FileDigest.Hash content = request.digest() == null ? FileDigest.hash(absolute) : request.digest().hash();
        String sha256 = content.sha256();
        String kind = request.dryRun() ? LoadRun.DRY_RUN : LoadRun.LOAD;
        RegistryClaim.Wait wait = new RegistryClaim.Wait(request, queueWait);
        Optional<LoadRun> unfinished = claims.awaitSameContent(kind, sha256, wait);
        List<Long> abandoned = new ArrayList<>();
        if (unfinished.isPresent() && claims.judgedUnderOtherRules(unfinished.get())) {
            claims.giveUpForOtherRules(unfinished.get(), request);
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
        LoadFileChecks.checkReportsDirectory(properties.reportsDir(), request.source());
        Optional<Long> resumed = unfinished.map(run -> prepareResume(run, file));
        long runId = claims.claim(request, resumed, sha256, wait,
                () -> store.startRun(kind, request.source(), content.bytes(), Instant.now()), abandoned);
        return new PreparedLoad(runId, request, null, content.modified(), abandoned);
    }

    /**
     * Readies an unfinished run to be resumed: a run whose process died left its job execution marked as running,
     * which Spring Batch must be told is over before it restarts the job. Refuses a run still alive on this host.
     */
    private long prepareResume(LoadRun unfinished, Path file) {
        claims.refuseIfAlive(unfinished, file);
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
}
