package com.studio.assetregistry.storage;

/**
 * Thrown when a load cannot start because another load is pending in the same registry, or when a run's record meets
 * a version that such a load has written and not yet registered.
 */
public class LoadInProgressException extends RuntimeException {

    private final long pendingRunId;

    public LoadInProgressException(long pendingRunId, Throwable cause) {
        super("Run " + pendingRunId + " is loading into this registry", cause);
        this.pendingRunId = pendingRunId;
    }

    /** The load that holds the registry, or wrote the version. */
    public long pendingRunId() {
        return pendingRunId;
    }
}
