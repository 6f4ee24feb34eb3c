package com.studio.assetregistry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks on a file a command is about to write over. */
final class OutputFiles {

    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private OutputFiles() {
    }

    /**
     * Refuses to write over a SQLite database: {@code export registry.db} or {@code generate --records 5 registry.db}
     * would destroy a registry, the one the command reads included, for a slip of the file name.
     *
     * @throws UncheckedIOException if {@code file} is a SQLite database
     */
    static void refuseDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            return; // cannot be read: the write itself will say why it fails, if it does
        }
        if (Arrays.equals(start, SQLITE_HEADER)) {
            throw new UncheckedIOException("Cannot write " + file + ": it is a SQLite database (a registry?), which"
                    + " this would destroy; name another file", new IOException("a SQLite database"));
        }
    }
}
