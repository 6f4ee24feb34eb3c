package com.studio.assetregistry.ingest;

/**
 * A load that failed because its file changed while it was loaded (a tool still writing it): what was read is not the
 * content the run is known by, so nothing was registered. The same file, loaded again once nothing writes to it, is
 * other content, which abandons the failed run and loads anew.
 */
public class InputChangedException extends LoadException {

    public InputChangedException(String message, LoadSummary summary, Throwable cause) {
        super(message, summary, cause);
    }

}
