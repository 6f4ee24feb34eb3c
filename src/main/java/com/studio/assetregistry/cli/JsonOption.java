package com.studio.assetregistry.cli;

import picocli.CommandLine.Option;

/** The {@code --json} option of the query commands: output for scripts instead of a table for people. */
final class JsonOption {

    @Option(names = "--json", description = "Print JSON for scripts instead of a table (shapes: see the README)")
    boolean json;
}
