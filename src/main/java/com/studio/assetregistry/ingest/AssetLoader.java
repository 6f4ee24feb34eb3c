package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Loads a JSON file of version records into the registry by running the load job, and says what it did. Runs the
 * job in the calling thread. Thread-safe, but loads into one SQLite file are serialised by SQLite itself.
 * <p>
 * A run is identified by the file's content (its SHA-256), not its path. Loading content whose last load did not
 * complete (it failed, or its process was killed) resumes that run where its last commit left it: a Spring Batch
 * restart of the same job instance, whose reader seeks to the byte offset saved at that commit.
 */
@Service
public class AssetLoader {

    private static final String OWNER = ProcessHandle.current().pid() + "@" + hostName();

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job assetLoadJob;
    private final LoadStore store;
    private final LoadProperties properties;
    private final RejectBudget budget;

    AssetLoader(JobOperator jobOperator, JobRepository jobRepository, Job assetLoadJob, LoadStore store,
                LoadProperties properties, RejectBudget budget) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "The job operator must not be null.");
        this.jobRepository = Objects.requireNonNull(jobRepository, "The job repository must not be null.");
        this.assetLoadJob = Objects.requireNonNull(assetLoadJob, "The load job must not be null.");
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        this.properties = Objects.requireNonNull(properties, "The load properties must not be null.");
        this.budget = Objects.requireNonNull(budget, "The reject budget must not be null.");
    }

    /**
     * Loads {@code file}: every valid record is registered, every other one is in the run's report. If the last load
     * of the same content did not complete, resumes it instead of starting anew.
     *
     * @return what the load did; a completed load may have rejected records
     * @throws RejectBudgetExceededException if it rejected more records than the reject budget allows: it registered
     *                                       nothing, and its report was written
     * @throws LoadException                 if the file cannot be read or the load cannot finish
     */
    public LoadSummary load(Path file) {
        return run(prepare(file, file.toString()));
    }

    /**
     * The first half of {@link #load}, for a caller that runs the load in the background and needs its run id at
     * once: records the run (a new one, or the unfinished run of the same content, to be resumed) and claims it for
     * this process. Reads the whole file once, for its SHA-256. {@link #run} does the rest.
     *
     * @param source what the run's {@code source} says: the file as the user named it
     * @throws LoadException if the file cannot be read, or its unfinished run is still running in another process
     */
    public PreparedLoad prepare(Path file, String source) {
        Objects.requireNonNull(file, "The file must not be null.");
        Objects.requireNonNull(source, "The source must not be null.");
        Path absolute = file.toAbsolutePath().normalize();
        long size = readableSize(file, absolute);
        String sha256 = FileDigest.sha256(absolute);
        long runId = store.findUnfinishedLoad(sha256)
                .map(unfinished -> prepareResume(unfinished, file))
                .orElseGet(() -> store.startRun("load", source, size, Instant.now()));
        store.claimRun(runId, sha256, OWNER);
        return new PreparedLoad(runId, file);
    }

    /**
     * Runs a load that {@link #prepare} recorded, in the calling thread, as {@link #load} does.
     *
     * @throws RejectBudgetExceededException as {@link #load}
     * @throws LoadException                 as {@link #load}
     */
    public LoadSummary run(PreparedLoad load) {
        Objects.requireNonNull(load, "The load must not be null.");
        long runId = load.runId();
        Path file = load.file();
        JobParameters parameters = new JobParametersBuilder()
                .addLong(LoadJobConfiguration.RUN_PARAMETER, runId)
                .addString(LoadJobConfiguration.FILE_PARAMETER, file.toAbsolutePath().normalize().toString(),
                        false) // the file may have moved
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(assetLoadJob, parameters);
        } catch (JobExecutionException e) {
            throw new LoadException("Cannot start the load of " + file + ": " + e.getMessage(), summary(runId, file), e);
        }
        LoadSummary summary = summary(runId, file);
        if (execution.getStepExecutions().stream()
                .anyMatch(step -> ResolveTasklet.OVER_BUDGET.equals(step.getExitStatus().getExitCode()))) {
            throw new RejectBudgetExceededException("The load of " + file + " "
                    + budget.describeExcess(summary.rejected(), summary.read()) + "; nothing was registered",
                    summary);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new LoadException("The load of " + file + " failed: " + rootMessage(cause), summary, cause);
        }
        return summary;
    }

    /**
     * A load recorded in the store and claimed by this process, ready to {@link #run}.
     *
     * @param runId the run's id
     * @param file  the file it loads
     */
    public record PreparedLoad(long runId, Path file) {

        public PreparedLoad {
            Objects.requireNonNull(file, "The file must not be null.");
        }
    }

    /**
     * Readies an unfinished run to be resumed: a run whose process died left its job execution marked as running,
     * which Spring Batch must be told is over before it restarts the job. Refuses a run still alive on this host.
     */
    private long prepareResume(LoadRun unfinished, Path file) {
        String owner = unfinished.owner();
        if ("RUNNING".equals(unfinished.status()) && owner != null && !owner.equals(OWNER) && isAlive(owner)) {
            throw new LoadException("Run " + unfinished.id() + " of " + file + " is still running (process " + owner
                    + "); wait for it to end", null, null);
        }
        JobParameters identifying = new JobParametersBuilder()
                .addLong(LoadJobConfiguration.RUN_PARAMETER, unfinished.id())
                .toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(LoadJobConfiguration.JOB_NAME, identifying);
        if (last != null && last.getStatus().isRunning()) {
            jobOperator.recover(last);
        }
        return unfinished.id();
    }

    /** Whether the process named {@code pid@host} runs on this host; a process on another host is presumed alive. */
    private static boolean isAlive(String owner) {
        int at = owner.indexOf('@');
        if (at < 0 || !owner.substring(at + 1).equals(hostName())) {
            return true;
        }
        return ProcessHandle.of(Long.parseLong(owner.substring(0, at))).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private LoadSummary summary(long runId, Path file) {
        LoadRun run = store.findRun(runId).orElseThrow(() -> new IllegalStateException("Run " + runId + " vanished."));
        return LoadSummary.of(run, file, properties.reportDir(runId));
    }

    private static long readableSize(Path file, Path absolute) {
        if (!Files.exists(absolute)) {
            throw new LoadException("Cannot load " + file + ": no such file", null, null);
        }
        if (!Files.isRegularFile(absolute)) {
            throw new LoadException("Cannot load " + file + ": not a regular file", null, null);
        }
        if (!Files.isReadable(absolute)) {
            throw new LoadException("Cannot load " + file + ": permission denied", null, null);
        }
        try {
            return Files.size(absolute);
        } catch (IOException e) {
            throw new LoadException("Cannot load " + file + ": " + e.getMessage(), null, e);
        }
    }

    private static String rootMessage(Throwable failure) {
        if (failure == null) {
            return "the job ended without completing";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
