package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.validation.MessageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;

/**
 * Logs one line when a run of the load job starts and one when it ends, with its counts, and puts the run id in the
 * logging context ({@link MDC}) under {@value #RUN_ID} for the whole run, so that every line logged while it runs,
 * by the job or by the frameworks under it, carries it: the console pattern shows it as {@code [run 7]}, structured
 * logs as a field. Registered first with the job, so that its {@code afterJob} comes last and the other listeners'
 * lines still carry the run id. The job runs in the calling thread, the one the logging context belongs to.
 */
class LoadRunLog implements JobExecutionListener {

    /** The logging context key of the run id. */
    static final String RUN_ID = "run.id";

    private static final Logger log = LoggerFactory.getLogger(LoadRunLog.class);
    /** Spring Batch's exceptions, which wrap the failure that matters ({@code Unable to process chunk}). */
    private static final String BATCH_PACKAGE = "org.springframework.batch.";
    private static final String OWN_PACKAGE = "com.studio.assetregistry.";

    private final LoadStore store;
    private final JobRepository jobRepository;

    LoadRunLog(LoadStore store, JobRepository jobRepository) {
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        this.jobRepository = Objects.requireNonNull(jobRepository, "The job repository must not be null.");
    }

    @Override
    public void beforeJob(JobExecution execution) {
        long runId = LoadMetrics.runId(execution);
        MDC.put(RUN_ID, Long.toString(runId));
        if (!log.isInfoEnabled()) {
            return;
        }
        boolean resumed = jobRepository.getJobExecutions(execution.getJobInstance()).size() > 1;
        String source = store.findRun(runId).map(LoadRun::source)
                .orElse(execution.getJobParameters().getString(LoadJobConfiguration.FILE_PARAMETER));
        // a file's name can hold a line feed, to forge a line of the log
        log.info("Load run {} {}: {}", runId, resumed ? "resumed" : "started", MessageText.printable(source));
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            logEnd(execution);
        } finally {
            MDC.remove(RUN_ID);
        }
    }

    private void logEnd(JobExecution execution) {
        String status = LoadMetrics.status(execution);
        boolean completed = execution.getStatus() == BatchStatus.COMPLETED;
        if (completed ? !log.isInfoEnabled() : !log.isWarnEnabled()) {
            return;
        }
        long runId = LoadMetrics.runId(execution);
        long millis = Duration.between(execution.getStartTime(),
                execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime()).toMillis();
        String counts = store.findRun(runId).map(LoadRunLog::counts).orElse("no counts recorded");
        if (completed) {
            log.info("Load run {} {} in {} ms: {}", runId, status, millis, counts);
        } else if (ResolveTasklet.OVER_BUDGET.equals(status)) {
            log.warn("Load run {} {} in {} ms, nothing registered: {}", runId, status, millis, counts);
        } else {
            log.warn("Load run {} {} in {} ms: {}; {}", runId, status, millis, counts,
                    MessageText.printable(failure(execution)));
            unexpected(execution).ifPresent(failure -> log.error("Load run {} failed unexpectedly", runId, failure));
        }
    }

    /**
     * The run's failure if its message may not say all there is to say: not one of the load's own (a file that
     * changed, a run given up), nor a file's or the database's (a full disk, a lost connection), but a bug's, whose
     * stack trace the log keeps, as Spring Batch's own step log (off, see application.yml) would have.
     */
    static Optional<Throwable> unexpected(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst().map(LoadRunLog::unwrapped)
                .filter(failure -> !failure.getClass().getName().startsWith(OWN_PACKAGE)
                        && !(failure instanceof IOException || failure instanceof UncheckedIOException
                        || failure instanceof DataAccessException));
    }

    /** {@code read 20, registered 17, unchanged 0, rejected 3 (status.unknown 2, ...); report: reports/1/}. */
    private static String counts(LoadRun run) {
        String report = run.reportDir() == null ? "" : "; report: " + run.reportDir() + "/";
        return LoadSummary.countsLine(run) + report;
    }

    /**
     * The first failure's message: one line, the stack trace is for debugging ({@code --debug}), not the log. Spring
     * Batch's own wrappers ({@code Unable to process chunk}) are passed over for the failure they wrap.
     */
    static String failure(JobExecution execution) {
        return execution.getAllFailureExceptions().stream().findFirst()
                .map(LoadRunLog::unwrapped)
                .map(failure -> "cause: " + (failure.getMessage() == null ? failure.getClass().getSimpleName()
                        : failure.getMessage().lines().findFirst().orElse("")))
                .orElse("the job ended without completing");
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t && t.getClass().getName().startsWith(BATCH_PACKAGE)) {
            t = t.getCause();
        }
        return t;
    }
}
