package com.studio.assetregistry.validation;

/**
 * The rules file cannot be used: it cannot be read, is not YAML, or has a key or a value the service does not accept.
 * The message is one line that names the file, the line and the key when they are known, and the problem.
 */
public class RulesFileException extends RuntimeException {

    public RulesFileException(String message) {
        super(message);
    }

    public RulesFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
