package com.studio.assetregistry.ingest;

/**
 * A load that did not start because another run is loading into the same registry, from this process or another,
 * and did not end in time: at once for the REST API, which refuses rather than queues, or within
 * {@code registry.load.queue-wait} for the command line. Or an add of a version that a load in progress has written
 * and not yet registered. Nothing was registered; trying again later may succeed.
 */
public class RegistryBusyException extends LoadException {

    private final long runningRunId;

    public RegistryBusyException(String message, long runningRunId) {
        super(message, null, null);
        this.runningRunId = runningRunId;
    }

    /** The run loading into the registry, or 0 if it ended before it could be named. */
    public long runningRunId() {
        return runningRunId;
    }
}
