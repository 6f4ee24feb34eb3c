package com.studio.assetregistry.cli;

import com.studio.assetregistry.files.FileFailures;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns a failure into the one line a person reads: the message of the application's own exceptions, which are
 * written to be read, or else the deepest cause's message, which names what went wrong.
 */
final class Failures {

    private static final String OWN_PACKAGES = "com.studio.assetregistry.";
    /** How the SQLite driver's message starts when the database file cannot be written. */
    private static final String SQLITE_READONLY = "[SQLITE_READONLY]";

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (isOwn(failure) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null && message.startsWith(SQLITE_READONLY)) {
            return "the registry's database may not be written: its file, or its directory, where SQLite keeps the"
                    + " file's -wal and -shm companions, is read-only for this user (" + message + ")";
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** Why a file could not be read or written, in a few words: the JDK's messages name the file instead. */
    static String reason(IOException failure) {
        return FileFailures.reason(failure);
    }

    private static boolean isOwn(Throwable failure) {
        return failure.getClass().getPackageName().startsWith(OWN_PACKAGES)
                || failure instanceof UncheckedIOException; // ours say which file and why
    }
}
