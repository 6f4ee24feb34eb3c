package com.studio.assetregistry.files;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A directory a setting names (the server's spool directory, {@code registry.api.spool-dir}) cannot be made or used:
 * the message says which setting, and why, in one line a user can act on.
 */
public class UnusableDirectoryException extends UncheckedIOException {

    public UnusableDirectoryException(String message, IOException cause) {
        super(message, cause);
    }
}
