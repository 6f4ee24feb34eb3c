package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.validation.RulesFileException;

/** Turns a failure into the one line a person reads: the deepest cause's message, which names what went wrong. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof LoadException || failure instanceof RegistryUnavailableException
                || failure instanceof RulesFileException) {
            return failure.getMessage();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
