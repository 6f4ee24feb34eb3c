package com.studio.assetregistry.cli;

import com.studio.assetregistry.registry.AssetQueries;
import com.studio.assetregistry.validation.MessageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export [FILE]}: writes the whole registry in the load format, to FILE or to standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the whole registry in the load format.",
                "One JSON array, sorted by name, type, department and version. Loading it into",
                "an empty registry reproduces the registry exactly."},
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
        if (file == null || AssetRegistryCommand.isStandardInput(file)) { // '-', as the commands that read take it
            top.withQueries(queries -> queries.exportAssets(top.out()));
            return 0;
        }
        OutputFiles.refuseDatabase(file);
        long written = top.withQueries(queries -> exportToFile(queries, file));
        top.out().println("exported " + written + " versions to " + MessageText.printable(file.toString()));
        return 0;
    }

    /**
     * Writes beside the target and moves into place, so an interrupted export never leaves half a file; a failed one
     * (a full disk, a database error) removes what it wrote.
     */
    private static long exportToFile(AssetQueries queries, Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        boolean moved = false;
        try {
            long written;
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                written = queries.exportAssets(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + Failures.reason(e), e);
        } finally {
            if (!moved) {
                deleteQuietly(partial);
            }
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // the export's own failure is what the user reads; a .partial left behind says it did not complete
        }
    }
}
