package com.studio.assetregistry.cli;

import com.studio.assetregistry.validation.MessageText;
import java.util.function.Consumer;

/**
 * A line on standard error if the process is stopped (Ctrl-C, SIGTERM) while a command runs: its own output ends
 * mid-way, and the user is told what was left and what to do. The process then dies as from SIGKILL (the command
 * line's application has no shutdown hook of its own, see {@link RegistryContext#start}): a load's resume undoes
 * that, and a file being written is never left half-written ({@link OutputFiles#writeWhole}).
 */
final class Interruption implements AutoCloseable {

    private final Thread hook;
    private volatile String message;

    private Interruption(Consumer<String> note, String message) {
        this.message = message;
        // a note ends the progress bar's line first, if one is drawn
        this.hook = new Thread(() -> note.accept("interrupted: " + MessageText.printable(this.message)),
                "command interrupted");
    }

    /** Says {@code message} after {@code interrupted: } through {@code note} if the process is stopped, until closed. */
    static Interruption announce(Consumer<String> note, String message) {
        var interruption = new Interruption(note, message);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** What the line says from now on: the file being loaded changed, say. */
    void say(String message) {
        this.message = message;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) { // the hook runs, or has run: its line says it all
        }
    }
}
