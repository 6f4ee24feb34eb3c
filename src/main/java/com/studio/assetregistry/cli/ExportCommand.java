package com.studio.assetregistry.cli;

import com.studio.assetregistry.validation.MessageText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export [FILE]}: writes the whole registry in the load format, to FILE or to standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole registry in the load format.",
                "One JSON array, sorted by name, type, department and version. Loading it into an empty registry "
                        + "reproduces the registry exactly."},
        footer = {"", "Exit codes: 0 exported, 1 failure, 2 usage error.",
                "", "Examples:", "  asset-registry export registry.json", "  asset-registry export | gzip > registry.json.gz"})
class ExportCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Parameters(paramLabel = "FILE", arity = "0..1",
            description = "Where to write; - or none for standard output")
    private Path file;

    @Override
    public Integer call() {
        if (file == null || AssetRegistryCommand.isStandardInput(file) // '-', as the commands that read take it
                || OutputFiles.isStandardOutput(file)) {
            try (var interruption = Interruption.announce(top::lastNote, OutputFiles.stopped("export", null))) {
                top.withQueries(queries -> queries.exportAssets(top.streamingOut()));
            }
            return 0;
        }
        OutputFiles.refuseDatabase(file);
        long written;
        try (var interruption = Interruption.announce(top::lastNote, OutputFiles.stopped("export", file))) {
            written = top.withQueries(queries -> OutputFiles.writeWhole(file, queries::exportAssets));
        }
        // a device or a pipe may be standard output under another name: the line goes beside the data, not into it
        (OutputFiles.isStream(file) ? top.err() : top.out()).println("exported " + written + " versions to "
                + MessageText.printable(file.toString()));
        return 0;
    }
}
