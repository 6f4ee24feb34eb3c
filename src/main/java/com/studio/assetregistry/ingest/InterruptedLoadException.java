package com.studio.assetregistry.ingest;

/**
 * A dry run that did not start because an interrupted load holds the registry: a dry run does not give a load up,
 * which would cost it the progress a resume keeps. Unlike {@link RegistryBusyException}, waiting does not help:
 * loading that load's content again resumes it, and loading other content abandons it. Nothing was registered.
 */
public class InterruptedLoadException extends LoadException {

    private final long interruptedRunId;

    public InterruptedLoadException(String message, long interruptedRunId) {
        super(message, null, null);
        this.interruptedRunId = interruptedRunId;
    }

    /** The interrupted load that holds the registry. */
    public long interruptedRunId() {
        return interruptedRunId;
    }
}
