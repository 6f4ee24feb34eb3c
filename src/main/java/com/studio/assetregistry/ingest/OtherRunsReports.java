package com.studio.assetregistry.ingest;

import com.studio.assetregistry.report.RejectReportReader;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports a load writes for runs other than its own, once the registry is its: the report of a run its claim
 * abandoned, and the reports that loads of other content owe, whose versions were registered before their process
 * died or failed to write them. Never over another run's report: a report directory whose summary is of another run
 * or another file (of another registry sharing the reports directory) is left as it is.
 */
@Component
class OtherRunsReports {

    private static final Logger log = LoggerFactory.getLogger(OtherRunsReports.class);

    private final LoadStore store;
    private final RejectReportWriter reports;
    private final LoadProperties properties;
    private final TransactionTemplate transactions;

    OtherRunsReports(LoadStore store, RejectReportWriter reports, LoadProperties properties,
                     PlatformTransactionManager transactionManager) {
        this.store = Objects.requireNonNull(store, "The load store must not be null.");
        this.reports = Objects.requireNonNull(reports, "The report writer must not be null.");
        this.properties = Objects.requireNonNull(properties, "The load properties must not be null.");
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Writes the report of a run this load's claim abandoned, once the registry is this load's (on the API's
     * background thread, for a load posted there): its rejects and warnings so far, and a summary saying ABANDONED,
     * in its report directory. The rejects stay in the registry whatever happens here; a report that cannot be
     * written is a WARN line, not a failure of the load.
     */
    void reportAbandoned(long runId) {
        Path dir = null;
        try {
            Optional<LoadRun> run = store.findRun(runId);
            if (run.isEmpty()) {
                return;
            }
            dir = reportDirToWrite(run.get()).orElse(null);
            if (dir == null) {
                log.warn("Run {} is abandoned, and its report is not written: {} holds another run's report", runId,
                        ownDir(run.get()));
                return;
            }
            reports.writeReport(dir, store, run.get(), null);
            store.recordReportDir(runId, dir.toString());
        } catch (RuntimeException e) {
            log.warn("Run {} is abandoned, and its report could not be written{}: {}", runId,
                    dir == null ? "" : " in " + dir, e.getMessage());
        }
    }

    /**
     * Writes the reports that loads of other content owe, and completes them: a load whose process died, or could
     * not write its report, after its versions were registered (killed in its report step, a full disk). Loading the
     * same content again would write it; a night that loads other content would otherwise leave it unreported for
     * good, its versions registered and its run neither completed nor resumable by anything else. The run is marked
     * completed in the transaction that writes its report: killed or failed meanwhile, it is owed still, and the next
     * load tries again.
     *
     * @param runId   the load's own run
     * @param loading whether a run is being loaded still, by a live process, which writes its own report
     * @param warn    how to tell the load's caller what was done to another run
     */
    void writeOwedReports(long runId, Predicate<LoadRun> loading, Consumer<String> warn) {
        for (LoadRun owed : store.findRegisteredUnfinished()) {
            if (owed.id() == runId || loading.test(owed)) {
                continue;
            }
            String which = "Run " + owed.id() + " of " + owed.source() + " registered its versions, and its report"
                    + " was never written (its process ended, or the writing failed)";
            Optional<Path> dir = reportDirToWrite(owed);
            if (dir.isEmpty()) {
                warn.accept(which + "; " + ownDir(owed) + " holds another run's report, which stays: load "
                        + owed.source() + " again, with the reports directory of its registry, to write it");
                continue;
            }
            Instant ended = owed.heartbeat() == null ? Instant.now() : owed.heartbeat(); // when it was last heard of
            try {
                transactions.executeWithoutResult(status -> {
                    store.finishRun(owed.id(), RunStatus.COMPLETED, ended, owed.counts().read(), null,
                            dir.get().toAbsolutePath().toString());
                    reports.writeReport(dir.get(), store, store.findRun(owed.id()).orElseThrow(), null);
                });
                warn.accept(which + ": written now, in " + shown(dir.get(), owed) + "/");
            } catch (RuntimeException e) {
                warn.accept(which + "; it still cannot be written in " + shown(dir.get(), owed) + ": "
                        + e.getMessage() + "; the next load tries again");
            }
        }
    }

    /**
     * Where to write the report of another process's run: in its own report directory (recorded as it was claimed,
     * absolute) if it ran on this host, or else where this process puts a run's report; empty if that directory holds
     * the report of another run, or of another file (another registry's run of the same number), or one that cannot
     * be read.
     */
    private Optional<Path> reportDirToWrite(LoadRun run) {
        Path dir = ownDir(run);
        if (!Files.exists(dir.resolve(RejectReportWriter.SUMMARY_FILE))) {
            return Optional.of(dir);
        }
        try {
            ReportSummary there = new RejectReportReader().readSummary(dir);
            return there.run() == run.id() && Objects.equals(there.file().sha256(), run.sha256())
                    ? Optional.of(dir) : Optional.empty(); // its own earlier one, FAILED say, is replaced
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private Path ownDir(LoadRun run) {
        String recorded = run.reportDir();
        // the run's own directory, if this process can reach it as its process did: an absolute path, on this host
        boolean own = recorded != null && Path.of(recorded).isAbsolute()
                && (run.owner() == null || !RunOwner.elsewhere(run.owner()));
        return own ? Path.of(recorded) : properties.reportDir(run.id());
    }

    /** The directory as the reports directory in force names it, when it is under it. */
    private Path shown(Path dir, LoadRun run) {
        Path configured = properties.reportDir(run.id());
        return configured.toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize()) ? configured : dir;
    }
}
