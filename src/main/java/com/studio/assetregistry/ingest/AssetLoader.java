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
import org.springframework.stereotype.Service;

/**
 * Loads a JSON file of version records into the registry by running the load job, and says what it did. Runs the
 * job in the calling thread. Thread-safe, but loads into one SQLite file are serialised by SQLite itself.
 */
@Service
public class AssetLoader {

    private final JobOperator jobOperator;
    private final Job assetLoadJob;
    private final LoadStore store;
    private final LoadProperties properties;

    AssetLoader(JobOperator jobOperator, Job assetLoadJob, LoadStore store, LoadProperties properties) {
        this.jobOperator = Objects.requireNonNull(jobOperator, "The job operator must not be null.");
        this.assetLoadJob = Objects.requireNonNull(assetLoadJob, "The load job must not be null.");
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        this.properties = Objects.requireNonNull(properties, "The load properties must not be null.");
    }

    /**
     * Loads {@code file}: every valid record is registered, every other one is in the run's report.
     *
     * @return what the load did; a completed load may have rejected records
     * @throws LoadException if the file cannot be read or the load cannot finish
     */
    public LoadSummary load(Path file) {
        Objects.requireNonNull(file, "The file must not be null.");
        Path absolute = file.toAbsolutePath().normalize();
        long size = readableSize(file, absolute);
        long runId = store.startRun("load", file.toString(), size, Instant.now());
        JobParameters parameters = new JobParametersBuilder()
                .addString(LoadJobConfiguration.FILE_PARAMETER, absolute.toString())
                .addLong(LoadJobConfiguration.RUN_PARAMETER, runId)
                .toJobParameters();
        JobExecution execution;
        try {
            execution = jobOperator.start(assetLoadJob, parameters);
        } catch (JobExecutionException e) {
            throw new LoadException("Cannot start the load of " + file + ": " + e.getMessage(), summary(runId, file), e);
        }
        LoadSummary summary = summary(runId, file);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Throwable cause = execution.getAllFailureExceptions().stream().findFirst().orElse(null);
            throw new LoadException("The load of " + file + " failed: " + rootMessage(cause), summary, cause);
        }
        return summary;
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
