package com.studio.assetregistry.web;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's spool directory ({@code registry.api.spool-dir}) cannot be made or used: the message says which, and
 * why.
 */
public class SpoolDirectoryException extends UncheckedIOException {

    SpoolDirectoryException(String message, IOException cause) {
        super(message, cause);
    }
}
