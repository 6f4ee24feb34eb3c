package com.studio.assetregistry.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The progress listener of each load that runs, by run id: how the job, whose parameters can only carry values,
 * finds the listener its caller passed in. Thread-safe: one registry runs one load at a time, but the threads of one
 * process (the REST API's background loads, the inbox, a load waiting its turn) register and look up listeners at once.
 */
@Component
class ProgressListeners {

    private final Map<Long, LoadProgressListener> byRun = new ConcurrentHashMap<>();

    /** Tells {@code listener} of the run's progress until {@link #remove} is called. */
    void register(long runId, LoadProgressListener listener) {
        if (listener != LoadProgressListener.NONE) {
            byRun.put(runId, listener);
        }
    }

    void remove(long runId) {
        byRun.remove(runId);
    }

    /** The run's listener, or {@link LoadProgressListener#NONE}. */
    LoadProgressListener of(long runId) {
        return byRun.getOrDefault(runId, LoadProgressListener.NONE);
    }
}
