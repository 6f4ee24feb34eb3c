package com.studio.assetregistry.ingest;

import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The last step: marks the run completed and writes its report, {@code rejects.jsonl}, {@code warnings.jsonl} and
 * {@code summary.json}, with the figures the run adds to the load's meters.
 * The run is marked completed in the step's transaction, so if the report cannot be written the run stays
 * unfinished and the job fails.
 */
class ReportTasklet implements Tasklet {

    private final LoadStore store;
    private final RejectReportWriter writer;
    private final LoadMetrics metrics;
    private final Path reportDir;
    private final long runId;

    ReportTasklet(LoadStore store, RejectReportWriter writer, LoadMetrics metrics, Path reportDir, long runId) {
        this.store = store;
        this.writer = writer;
        this.metrics = metrics;
        this.reportDir = reportDir;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        ExecutionContext job = execution.getExecutionContext();
        // absolute: read back by a server or a command that may run in another working directory
        store.finishRun(runId, RunStatus.COMPLETED, Instant.now(), job.getLong(JsonFileReader.RECORDS_KEY, 0), null,
                reportDir.toAbsolutePath().toString());
        LoadRun run = store.findRun(runId).orElseThrow();
        writer.writeReport(reportDir, store, run, metrics.measure(execution, run));
        return RepeatStatus.FINISHED;
    }
}
