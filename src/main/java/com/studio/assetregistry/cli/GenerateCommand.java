package com.studio.assetregistry.cli;

import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.ExpectedOutcome;
import com.studio.assetregistry.generate.GeneratorOptions;
import com.studio.assetregistry.validation.MessageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a reproducible data file and prints what a correct load of it must produce. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a reproducible file of version records in the load format, with a chosen share of "
                        + "records that each break one rule, and prints the summary a load into an empty registry "
                        + "gives."},
        footer = {"", "Exit codes: 0 written, 1 failure, 2 usage error.", "", "Example:", "  asset-registry generate --records 1000000 --error-rate 0.1 --seed 7 big.json"})
class GenerateCommand implements Callable<Integer> {

    /** The fewest bytes a generated record takes: about 100 on average. */
    private static final long MIN_RECORD_BYTES = 90;

    @ParentCommand
    private AssetRegistryCommand top;

    @Spec
    private CommandSpec spec;

    @Option(names = "--records", required = true, paramLabel = "N", description = "How many records")
    private long records;

    @Option(names = "--error-rate", defaultValue = "0", paramLabel = "R",
            description = "Share of broken records, from 0 to 1 (default: ${DEFAULT-VALUE})")
    private double errorRate;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Random seed: the same options give the same file (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--ndjson", description = "One record per line instead of one top-level array")
    private boolean jsonLines;

    @Parameters(paramLabel = "FILE", description = "Where to write; - for standard output (the summary then goes to"
            + " standard error)")
    private Path file;

    @Override
    public Integer call() {
        GeneratorOptions options;
        try {
            options = new GeneratorOptions(records, errorRate, seed, jsonLines);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // '-', or standard output under another name: the data on standard output, the summary beside it
        if (AssetRegistryCommand.isStandardInput(file) || OutputFiles.isStandardOutput(file)) {
            ExpectedOutcome expected;
            try (var interruption = Interruption.announce(top::lastNote, OutputFiles.stopped("generate", null))) {
                expected = generate(options, top.streamingOut());
            }
            top.out().flush();
            top.requireOutput(); // no 'wrote' line for data that did not reach its reader
            top.err().println(summary("standard output", expected));
            return 0;
        }
        OutputFiles.refuseDatabase(file);
        boolean stream = OutputFiles.isStream(file); // a device or a pipe: /dev/stdout, /dev/null
        if (!stream) {
            requireRoom(options);
        }
        ExpectedOutcome expected;
        try (var interruption = Interruption.announce(top::lastNote, OutputFiles.stopped("generate", file))) {
            expected = OutputFiles.writeWhole(file, out -> new AssetDataGenerator().generate(options, out));
        }
        (stream ? top.err() : top.out()).println(summary(file.toString(), expected));
        return 0;
    }

    /**
     * Refuses a file its file system has no room for, before it fills the disk: records take 90 bytes or more. The
     * file system is that of the file a symbolic link leads to, which is the one written.
     */
    private void requireRoom(GeneratorOptions options) {
        long needed;
        long free;
        try {
            needed = options.records() > Long.MAX_VALUE / MIN_RECORD_BYTES ? Long.MAX_VALUE
                    : options.records() * MIN_RECORD_BYTES;
            free = Files.getFileStore(OutputFiles.linkTarget(file).getParent()).getUsableSpace();
        } catch (IOException e) {
            return; // cannot tell: the write says why it fails, if it does
        }
        if (needed > free) {
            throw new UncheckedIOException("Cannot write " + file + ": " + options.records() + " records take at least "
                    + HumanFormat.bytes(needed) + ", and its file system has " + HumanFormat.bytes(free) + " free",
                    new IOException("no room"));
        }
    }

    private static ExpectedOutcome generate(GeneratorOptions options, Writer out) {
        try {
            return new AssetDataGenerator().generate(options, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String summary(String where, ExpectedOutcome expected) {
        return "wrote " + MessageText.printable(where) + "; a load into an empty registry gives: "
                + expected.summaryLine();
    }
}
