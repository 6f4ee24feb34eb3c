package com.studio.assetregistry.storage;

/**
 * Thrown when a run writes or registers records after another process abandoned it ({@link LoadStore#abandonRun}),
 * having taken its process for gone: what it wrote is removed, and nothing more of it may be written or registered.
 */
public class RunAbandonedException extends RuntimeException {

    public RunAbandonedException(long runId) {
        super("Run " + runId + " was given up by another load, which took its process for gone, while this one still"
                + " ran it; nothing of it is registered: load the file again to load it anew");
    }
}
