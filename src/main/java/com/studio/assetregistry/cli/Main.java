package com.studio.assetregistry.cli;

/** The executable jar's entry point: {@code java -jar asset-registry.jar COMMAND ...}. */
public final class Main {

    private Main() {
    }

    /** Runs the command the arguments name and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(AssetRegistryCommand.commandLine().execute(args));
    }
}
