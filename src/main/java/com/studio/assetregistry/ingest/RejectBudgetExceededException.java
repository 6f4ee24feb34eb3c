package com.studio.assetregistry.ingest;

/**
 * A load rejected more records than the reject budget ({@code max-reject-rate}) allows. It registered nothing, its run
 * is {@code FAILED}, and its report (rejects, warnings, summary) was written all the same.
 */
public class RejectBudgetExceededException extends LoadException {

    public RejectBudgetExceededException(String message, LoadSummary summary) {
        super(message, summary, null);
    }
}
