package com.studio.assetregistry.cli;

/** The registry could not be opened: the database cannot be reached, created or migrated. */
class RegistryUnavailableException extends RuntimeException {

    RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
