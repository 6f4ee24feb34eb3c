package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Reads a load's progress from what its job already persists at every chunk commit: the step executions in the
 * JobRepository and the reader's saved byte offset and record count in the reading step's execution context. It
 * changes nothing and holds nothing, so it sees a load run by any process on the same database. Thread-safe.
 */
@Component
public class LoadProgressReader {

    private static final String READ_STEP = "stageRecordsStep";
    private static final String RESOLVE_STEP = "resolveRecordsStep";
    private static final String REPORT_STEP = "writeReportStep";
    private static final String OFFSET_KEY = "reader.offset";

    private final JobRepository jobRepository;

    LoadProgressReader(JobRepository jobRepository) {
        this.jobRepository = Objects.requireNonNull(jobRepository, "The job repository must not be null.");
    }

    /** The progress of a load run, or empty if it is not a load or its job has not been created yet. */
    public Optional<LoadProgress> progress(LoadRun run) {
        if (!"load".equals(run.kind())) {
            return Optional.empty();
        }
        JobInstance instance = jobRepository.getJobInstance(LoadJobConfiguration.JOB_NAME,
                new JobParametersBuilder().addLong(LoadJobConfiguration.RUN_PARAMETER, run.id()).toJobParameters());
        if (instance == null) {
            return Optional.of(LoadProgress.of("starting", 0, run.fileSize(), 0));
        }
        StepExecution read = jobRepository.getLastStepExecution(instance, READ_STEP);
        long bytes = 0;
        long records = 0;
        if (read != null) {
            ExecutionContext context = read.getExecutionContext();
            bytes = context.getLong(OFFSET_KEY, 0);
            records = context.getLong(JsonFileReader.RECORDS_KEY, read.getReadCount());
        }
        return Optional.of(LoadProgress.of(phase(run, instance, read), bytes, run.fileSize(), records));
    }

    private String phase(LoadRun run, JobInstance instance, StepExecution read) {
        if (!"RUNNING".equals(run.status())) {
            return "finished";
        }
        if (read == null) {
            return "starting";
        }
        if (read.getStatus() != BatchStatus.COMPLETED) {
            return "reading";
        }
        StepExecution report = jobRepository.getLastStepExecution(instance, REPORT_STEP);
        if (report != null) {
            return "reporting";
        }
        return jobRepository.getLastStepExecution(instance, RESOLVE_STEP) == null ? "reading" : "resolving";
    }
}
