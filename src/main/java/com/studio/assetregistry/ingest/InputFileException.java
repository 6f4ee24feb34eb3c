package com.studio.assetregistry.ingest;

/** An input file cannot be used: it is missing or unreadable, or it is not what the call takes. */
public class InputFileException extends RuntimeException {

    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
