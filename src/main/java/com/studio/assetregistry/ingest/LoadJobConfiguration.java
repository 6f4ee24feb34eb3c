package com.studio.assetregistry.ingest;

import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.validation.CrossRecordValidator;
import com.studio.assetregistry.validation.RecordValidator;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.RecordTooLargeRule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ExecutionContextPromotionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The asset load job: {@code stageRecordsStep} streams the file through the record rules in chunks,
 * {@code resolveRecordsStep} applies the cross-record rules and the reject budget and registers,
 * {@code writeReportStep} writes the report. A load over its budget fails after resolving, having registered nothing.
 * Job parameters: {@code run.id}, the run recorded in the store, which identifies the job instance, and
 * {@code input.file}, the file's absolute path, which does not (a resumed run may find its file moved), and
 * {@code dry.run}, which makes it a dry run that registers nothing.
 */
@Configuration(proxyBeanMethods = false)
class LoadJobConfiguration {

    static final String JOB_NAME = "assetLoadJob";
    static final String FILE_PARAMETER = "input.file";
    static final String RUN_PARAMETER = "run.id";
    /** {@code true} for a dry run: judged by every rule, reported, and nothing registered. Not identifying. */
    static final String DRY_RUN_PARAMETER = "dry.run";
    /** When the file had last been modified as it was hashed (a {@link FileTime}'s text), which the reader checks. */
    static final String MODIFIED_PARAMETER = "input.modified";
    static final String STAGE_STEP = "stageRecordsStep";
    static final String RESOLVE_STEP = "resolveRecordsStep";
    static final String REPORT_STEP = "writeReportStep";

    // the parameters as a step-scoped bean is given them
    private static final String FILE = "#{jobParameters['" + FILE_PARAMETER + "']}";
    private static final String RUN = "#{jobParameters['" + RUN_PARAMETER + "']}";
    private static final String DRY_RUN = "#{jobParameters['" + DRY_RUN_PARAMETER + "'] ?: false}";
    private static final String MODIFIED = "#{jobParameters['" + MODIFIED_PARAMETER + "']}";

    /** Spring Batch's own observations only when they are enabled: see {@link BatchObservationSwitch}. */
    @Bean
    static BatchObservationSwitch batchObservationSwitch() {
        return new BatchObservationSwitch();
    }

    @Bean
    RecordParser recordParser(ReaderLimits limits, JsonSyntaxRule syntaxRule, RecordTooLargeRule tooLargeRule) {
        return new RecordParser(limits, syntaxRule, tooLargeRule);
    }

    @Bean
    RejectReportWriter rejectReportWriter(RuleCatalogue ruleCatalogue) {
        return new RejectReportWriter(ruleCatalogue);
    }

    @Bean
    RecordCheckProcessor recordCheckProcessor(RecordValidator validator, RecordParser parser) {
        return new RecordCheckProcessor(validator, parser);
    }

    /**
     * Job-scoped, made for each job execution with its reader, writer and progress listener as plain objects. The
     * step calls its reader once per record: a step-scoped reader would be a proxy that looks its target up in the
     * step scope at every call, which cost a 1,000,000-record load about 2 s of CPU (the README's Benchmark).
     */
    @Bean
    @JobScope
    Step stageRecordsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          LoadProperties properties, RecordParser parser, ReaderLimits limits,
                          RecordCheckProcessor recordCheckProcessor, LoadStore store,
                          ProgressListeners progressListeners,
                          @Value(FILE) String file,
                          @Value(RUN) Long runId,
                          @Value(MODIFIED) String modified) {
        HashedFile hashed = hashedFile(store, file, runId, modified);
        var reader = new JsonFileReader(Path.of(file), parser, limits.maxRecordBytes(), hashed.bytes(),
                hashed.modified());
        var promotion = new ExecutionContextPromotionListener();
        promotion.setKeys(new String[] {JsonFileReader.RECORDS_KEY});
        return new StepBuilder(STAGE_STEP, jobRepository)
                .<SourceRecord, CheckedRecord>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .processor(recordCheckProcessor)
                .writer(new StagingWriter(store, runId))
                .listener(promotion)
                .listener((StepListener) new ChunkRollbackGuard())
                .listener((StepListener) ProgressPublisher.reading(progressListeners, store, reader, Path.of(file),
                        runId))
                .build();
    }

    /** The run's file as it was hashed: its length as the run records it, its time as the job's parameters give it. */
    private static HashedFile hashedFile(LoadStore store, String file, long runId, String modified) {
        return new HashedFile(Path.of(file), store.findRun(runId).map(LoadRun::fileSize).orElse(-1L),
                modified == null ? null : FileTime.from(Instant.parse(modified)));
    }

    @Bean
    RejectBudget rejectBudget(RulesFile rulesFile) {
        return new RejectBudget(rulesFile.maxRejectRate());
    }

    @Bean
    @StepScope
    ResolveTasklet resolveTasklet(LoadStore store, CrossRecordValidator validator, RecordParser parser,
                                  RejectBudget rejectBudget, ReaderLimits limits,
                                  @Value(FILE) String file,
                                  @Value(RUN) Long runId,
                                  @Value(DRY_RUN) Boolean dryRun,
                                  @Value(MODIFIED) String modified) {
        return new ResolveTasklet(store, validator, parser, rejectBudget, hashedFile(store, file, runId, modified),
                limits.maxRecordBytes(), runId, dryRun);
    }

    @Bean
    @StepScope
    ProgressPublisher resolvingProgress(ProgressListeners progressListeners, LoadStore store,
                                        @Value(FILE) String file,
                                        @Value(RUN) Long runId) {
        return ProgressPublisher.resolving(progressListeners, store, Path.of(file), runId);
    }

    @Bean
    Step resolveRecordsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            ResolveTasklet resolveTasklet, ProgressPublisher resolvingProgress) {
        return new StepBuilder(RESOLVE_STEP, jobRepository)
                .tasklet(resolveTasklet, transactionManager)
                .listener((StepExecutionListener) resolvingProgress)
                .build();
    }

    @Bean
    @StepScope
    ReportTasklet reportTasklet(LoadStore store, RejectReportWriter writer, LoadProperties properties,
                                LoadMetrics loadMetrics, @Value(RUN) Long runId) {
        return new ReportTasklet(store, writer, loadMetrics, properties.reportDir(runId), runId);
    }

    @Bean
    @StepScope
    ProgressPublisher reportingProgress(ProgressListeners progressListeners, LoadStore store,
                                        @Value(FILE) String file,
                                        @Value(RUN) Long runId) {
        return ProgressPublisher.reporting(progressListeners, store, Path.of(file), runId);
    }

    @Bean
    Step writeReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         ReportTasklet reportTasklet, ProgressPublisher reportingProgress) {
        return new StepBuilder(REPORT_STEP, jobRepository)
                .tasklet(reportTasklet, transactionManager)
                .listener((StepExecutionListener) reportingProgress)
                .build();
    }

    /**
     * A load over its reject budget ends after resolving, FAILED; the failed-run listener writes its report. The
     * listeners' {@code afterJob} run in the reverse order of their registration: the failed run's report first, then
     * the meters, then the run's last log line.
     */
    @Bean
    Job assetLoadJob(JobRepository jobRepository, Step stageRecordsStep, Step resolveRecordsStep,
                     Step writeReportStep, LoadRunLog loadRunLog, LoadMetrics loadMetrics,
                     FailedRunListener failedRunListener) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(stageRecordsStep)
                .next(resolveRecordsStep)
                    .on(ResolveTasklet.OVER_BUDGET).fail()
                .from(resolveRecordsStep)
                    .on(ExitStatus.COMPLETED.getExitCode()).to(writeReportStep)
                .end()
                .listener(loadRunLog)
                .listener(loadMetrics)
                .listener(failedRunListener)
                .build();
    }

    @Bean
    FailedRunListener failedRunListener(LoadStore store, RejectReportWriter writer, LoadProperties properties,
                                        LoadMetrics loadMetrics) {
        return new FailedRunListener(store, writer, loadMetrics, properties);
    }

    /** The load's meters, in the application's meter registry (a private one if it has none). */
    @Bean
    LoadMetrics loadMetrics(ObjectProvider<MeterRegistry> meterRegistry, LoadStore store) {
        return new LoadMetrics(meterRegistry.getIfAvailable(SimpleMeterRegistry::new), store);
    }

    @Bean
    LoadRunLog loadRunLog(LoadStore store, JobRepository jobRepository) {
        return new LoadRunLog(store, jobRepository);
    }
}
