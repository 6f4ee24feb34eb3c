package com.studio.assetregistry.ingest;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.storage.LoadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.lang3.exception.ExceptionUtils;

/**
 * The exceptions a load ends with when it does not complete, each saying in one line what happened and what to do:
 * the cause in the store's words where it has some, else the root cause's.
 */
final class LoadFailures {

    private final LoadStore store;
    private final RejectBudget budget;

    LoadFailures(LoadStore store, RejectBudget budget) {
        this.store = store;
        this.budget = budget;
    }

    /** A load, or dry run, that rejected more records than the reject budget allows. */
    RejectBudgetExceededException overBudget(LoadRequest request, LoadSummary summary) {
        return new RejectBudgetExceededException((request.dryRun() ? "The dry run of " : "The load of ")
                + request.file() + " " + budget.describeExcess(summary.rejected(), summary.read())
                + (request.dryRun() ? "; a load would register nothing" : "; nothing was registered"), summary);
    }

    /** A load whose registration committed, and whose report could not be written. */
    LoadException reportNotWritten(Path file, LoadSummary summary, Throwable cause) {
        return new LoadException("The load of " + file + " registered its records (registered "
                + summary.registered() + ", unchanged " + summary.unchanged() + ", rejected " + summary.rejected()
                + "), but its report could not be written: " + reportFailure(cause)
                + ". Load the same file again to write it", summary, cause);
    }

    /** A load that failed before it registered: loading the same file again resumes it from its last commit. */
    LoadException failed(Path file, LoadSummary summary, Throwable cause) {
        String message = "The load of " + file + " failed: " + rootMessage(cause);
        if (ExceptionUtils.indexOfType(cause, FileChangedException.class) >= 0) {
            return new InputChangedException(message, summary, cause);
        }
        return new LoadException(message, summary, cause);
    }

    /** The run stays unfinished, its last commit kept: the next run of the same content resumes it from there. */
    LoadException lostDatabase(LoadRequest request, Throwable failure) {
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
    String rootMessage(Throwable failure) {
        if (failure == null) {
            return "the job ended without completing";
        }
        Optional<String> explained = store.explain(failure);
        if (explained.isPresent()) {
            return explained.get();
        }
        Throwable root = ExceptionUtils.getRootCause(failure);
        if (root instanceof IOException io) { // often only a path: the file deleted, say
            return FileFailures.describe(io);
        }
        if (root instanceof OutOfMemoryError heap) {
            return "it " + Heap.exhausted(heap);
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
