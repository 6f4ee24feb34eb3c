package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.Heap;

/** The executable jar's entry point: {@code java -jar asset-registry.jar COMMAND ...}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command the arguments name and exits with its exit code. Out of heap outside a load's steps (starting
     * the application in a heap too small for it), the command says so in one line, as it says every failure, rather
     * than the JVM with a stack trace: picocli hands a command's exceptions to its handler, not its errors.
     */
    public static void main(String[] args) {
        // another thread's OutOfMemoryError (the read-ahead's, a framework's) is the heap this thread runs short of
        // too, and says so: not a stack trace of its own from the JVM's default handler
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (!(failure instanceof OutOfMemoryError)) { // what the JVM prints without a handler: a bug to see
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                failure.printStackTrace(System.err);
            }
        });
        int exit;
        try {
            exit = AssetRegistryCommand.commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: The command " + Heap.exhausted(e));
            exit = 1;
        }
        System.exit(exit);
    }
}
