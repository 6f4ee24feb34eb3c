package com.studio.assetregistry.cli;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.ingest.Heap;
import com.studio.assetregistry.storage.jdbc.SqliteFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.config.ConfigDataException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.core.NestedExceptionUtils;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a failure into the one line a person reads: the message of the application's own exceptions, which are
 * written to be read, or else the deepest cause's message, which names what went wrong.
 */
final class Failures {

    private static final String OWN_PACKAGES = "com.studio.assetregistry.";

    private Failures() {
    }

    static String describe(Throwable failure) {
        return describe(failure, null);
    }

    /** As {@link #describe(Throwable)}, for a command on the registry in the SQLite file {@code database}, if known. */
    static String describe(Throwable failure, Path database) {
        if (isOwn(failure) && failure.getMessage() != null) {
            return failure.getMessage();
        }
        Optional<String> setting = settingProblem(failure);
        if (setting.isPresent()) {
            return setting.get();
        }
        Optional<String> sqlite = SqliteFailures.describe(failure, database);
        if (sqlite.isPresent()) {
            return sqlite.get();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError heap) {
            return "The command " + Heap.exhausted(heap);
        }
        if (root instanceof UnknownHostException) { // its message is the name alone
            return "unknown host " + root.getMessage() + ": no name server or hosts file knows it; check the URL's host";
        }
        String message = root.getMessage();
        if (message != null && message.contains("claims to not accept jdbcUrl")) { // Hikari's, of a URL no driver takes
            return "the JDBC URL is not one its driver takes; a PostgreSQL one is"
                    + " jdbc:postgresql://HOST[:PORT]/DATABASE, with the database's name";
        }
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /**
     * What is wrong with a setting of the application ({@code registry.*}, {@code spring.*}, from any source: an
     * environment variable, a system property, an application.yml), if that is why it failed: a value the binder
     * could not convert, or one the settings' own checks refused, which name it; or a configuration that Spring Boot
     * could not read at all.
     */
    static Optional<String> settingProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BindException bind) {
                Throwable root = NestedExceptionUtils.getMostSpecificCause(bind);
                String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
                String name = bind.getName().toString();
                return Optional.of("Cannot start: " + (reason.contains(name) ? reason : "the setting " + name
                        + (bind.getProperty() == null ? "" : " (\"" + bind.getProperty().getValue() + "\")")
                        + " is not valid: " + reason));
            }
            if (cause instanceof ConfigDataException config) { // a SPRING_CONFIG_LOCATION that is not there, say
                return Optional.of("Cannot start: " + config.getMessage() + "; check SPRING_CONFIG_LOCATION (or"
                        + " spring.config.location, spring.config.import)");
            }
            if (cause instanceof MarkedYAMLException yaml) { // the rules file's own failures are said before this
                Mark at = yaml.getProblemMark();
                return Optional.of("Cannot start: a configuration file of the application (an application.yml in"
                        + " the working directory or its config/, or one that SPRING_CONFIG_LOCATION names) is not"
                        + " valid YAML: " + yaml.getProblem() + (at == null ? ""
                        : " at line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1)));
            }
        }
        return Optional.empty();
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
