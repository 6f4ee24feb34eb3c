package com.studio.assetregistry.ingest;

import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks a run that did not complete as failed and leaves a summary saying so beside the rejects and warnings recorded
 * until then. A run that failed before its resolution registered nothing: registration happens in one transaction
 * once the whole file is read, and a load over its reject budget undoes its registrations before that transaction
 * commits. One that failed after it (writing its report) has registered its records, and a resume writes the report.
 */
class FailedRunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(FailedRunListener.class);

    private final LoadStore store;
    private final RejectReportWriter writer;
    private final LoadMetrics metrics;
    private final LoadProperties properties;

    FailedRunListener(LoadStore store, RejectReportWriter writer, LoadMetrics metrics, LoadProperties properties) {
        this.store = store;
        this.writer = writer;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            return;
        }
        long runId = execution.getJobParameters().getLong(LoadJobConfiguration.RUN_PARAMETER);
        Path reportDir = properties.reportDir(runId);
        try {
            store.finishRun(runId, RunStatus.FAILED, Instant.now(), recordsRead(execution), null,
                    reportDir.toAbsolutePath().toString());
            store.findRun(runId).ifPresent(run -> writer.writeReport(reportDir, store, run,
                    metrics.measure(execution, run)));
        } catch (RuntimeException e) {
            log.warn("Run {} failed, and its failure could not be recorded: {}", runId, e.getMessage());
        }
    }

    private static long recordsRead(JobExecution execution) {
        long read = execution.getExecutionContext().getLong(JsonFileReader.RECORDS_KEY, 0);
        for (StepExecution step : execution.getStepExecutions()) {
            read = Math.max(read, step.getExecutionContext().getLong(JsonFileReader.RECORDS_KEY, 0));
        }
        return read;
    }
}
