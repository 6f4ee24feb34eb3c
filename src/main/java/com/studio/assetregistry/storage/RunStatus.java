package com.studio.assetregistry.storage;

/** Where a run stands, as the store records it ({@code load_run.status}). */
public enum RunStatus {

    /** Started and not ended: loading, or its process gone (see {@code RunOwner.ended}), to be resumed. */
    RUNNING,
    /** Ended with its records registered (or, for a dry run, judged) and its report written. */
    COMPLETED,
    /** Ended without registering anything: over its reject budget, or stopped by a failure; resumable. */
    FAILED,
    /** Given up: its pending rows removed because other content was loaded first. */
    ABANDONED
}
