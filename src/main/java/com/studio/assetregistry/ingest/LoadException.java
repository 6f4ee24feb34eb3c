package com.studio.assetregistry.ingest;

import java.util.Optional;

/**
 * A load that could not run (the file cannot be read) or could not finish (the database failed). Records rejected by
 * the rules are not failures: they are in the report of a completed load.
 */
public class LoadException extends RuntimeException {

    private final transient LoadSummary summary;

    public LoadException(String message, LoadSummary summary, Throwable cause) {
        super(message, cause);
        this.summary = summary;
    }

    /** What the run did before it failed; empty if it never started. */
    public Optional<LoadSummary> summary() {
        return Optional.ofNullable(summary);
    }
}
