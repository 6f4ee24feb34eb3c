package com.studio.assetregistry.cli;

import com.studio.assetregistry.files.PartialFile;
import com.studio.assetregistry.files.SymbolicLinks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.apache.commons.lang3.exception.ExceptionUtils;

/** Checks on a file a command is about to write over, and the writing of it whole. */
final class OutputFiles {

    /** What a command writes into a file; returns what it wants to say of it (a count, a summary). */
    @FunctionalInterface
    interface Content<T> {
        T writeTo(Writer out) throws IOException;
    }

    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private OutputFiles() {
    }

    /**
     * Refuses to write over a SQLite database, or its {@code -wal}, {@code -shm} or {@code -journal} file beside it:
     * {@code export registry.db} or {@code generate --records 5 registry.db-wal} would destroy or damage a registry,
     * the one the command reads included, for a slip of the file name (or of a shell's completion).
     *
     * @throws UncheckedIOException if {@code file} is a SQLite database or one's companion
     */
    static void refuseDatabase(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        for (String companion : new String[] {"-wal", "-shm", "-journal"}) {
            // a database's companion: its write-ahead log holds commits the database file does not have yet
            if (name.endsWith(companion) && name.length() > companion.length()
                    && isDatabase(file.resolveSibling(name.substring(0, name.length() - companion.length())))) {
                throw new UncheckedIOException("Cannot write " + file + ": it belongs to the SQLite database beside it"
                        + " (a registry?), which this would damage; name another file",
                        new IOException("a SQLite database's " + companion + " file"));
            }
        }
        if (isDatabase(file)) {
            throw new UncheckedIOException("Cannot write " + file + ": it is a SQLite database (a registry?), which"
                    + " this would destroy; name another file", new IOException("a SQLite database"));
        }
        try {
            Path target = linkTarget(file);
            if (!target.equals(file.toAbsolutePath())) { // a link: what it names is what would be written
                refuseDatabase(target);
            }
        } catch (IOException e) {
            // a loop of links: the write says so
        }
    }

    /**
     * Whether {@code file} is this process's standard output under another name ({@code /dev/stdout},
     * {@code /proc/self/fd/1}), whatever that is: a command writes it as standard output, never replaces or
     * truncates the file a shell redirected it to ({@code export /dev/stdout >> log}).
     */
    static boolean isStandardOutput(Path file) {
        Path standardOutput = Path.of("/proc/self/fd/1");
        try {
            return Files.exists(file) && Files.exists(standardOutput) && Files.isSameFile(file, standardOutput);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static boolean isDatabase(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            return false; // cannot be read: the write itself will say why it fails, if it does
        }
        return Arrays.equals(start, SQLITE_HEADER);
    }

    /**
     * Whether {@code file}, its links followed, is a device or a pipe ({@code /dev/stdout}, {@code /dev/null}, a
     * FIFO): {@link #writeWhole} writes into it as it is, and a command says what it wrote elsewhere than into it.
     */
    static boolean isStream(Path file) {
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    /**
     * What {@code command}, writing {@code file} ({@code null} for standard output), says if it is stopped by a signal
     * ({@link Interruption}): {@link #writeWhole} leaves a file as it was, and a stream has what reached it.
     */
    static String stopped(String command, Path file) {
        if (file == null || isStream(file)) {
            return command + " stopped before it finished: what it wrote to "
                    + (file == null ? "standard output" : file.toString()) + " is incomplete";
        }
        return command + " stopped before it finished: " + file + " was not written (a file there is unchanged)";
    }

    /**
     * Writes {@code file} in UTF-8 beside it (a {@link PartialFile}) and moves it into place: an interrupted or failed
     * write (a full disk, Ctrl-C, a database error) never leaves half a file, nor loses the file it would replace; a
     * failed one removes what it wrote. A symbolic link is followed, so the file it names is the one replaced, and the
     * link stays; a device or a pipe ({@link #isStream}) is written into, as it is.
     *
     * @throws UncheckedIOException if the file cannot be written, naming it and why
     */
    static <T> T writeWhole(Path file, Content<T> content) {
        if (isStream(file)) {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                return content.writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + Failures.reason(e), e);
            } catch (RuntimeException e) { // the content's own writer failed: a device that is full, say
                throw named(file, e);
            }
        }
        if (file.toString().isEmpty()) {
            throw new UncheckedIOException("Cannot write a file of no name: name one, or - for standard output",
                    new IOException("empty file name"));
        }
        if (Files.isDirectory(file)) { // through a link too
            throw new UncheckedIOException("Cannot write " + file + ": it is a directory; name a file in it",
                    new IOException("a directory"));
        }
        Path partial = null;
        boolean moved = false;
        try {
            Path target = linkTarget(file);
            PartialFile part = PartialFile.beside(target);
            partial = part.path();
            partial.toFile().deleteOnExit(); // stopped by a signal (SIGTERM, Ctrl-C) mid-write: no part left behind
            T result;
            try (Writer out = new BufferedWriter(new OutputStreamWriter(part.out(), StandardCharsets.UTF_8))) {
                result = content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + Failures.reason(e), e);
        } catch (RuntimeException e) {
            throw named(file, e);
        } finally {
            if (!moved && partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    /**
     * A failure of the content's writing that an I/O error caused (Jackson and the exporter wrap theirs), named after
     * the file as a failure to write it is; any other failure as it is.
     */
    private static RuntimeException named(Path file, RuntimeException failure) {
        IOException io = ExceptionUtils.throwableOfType(failure, IOException.class);
        return io == null ? failure : new UncheckedIOException("Cannot write " + file + ": " + Failures.reason(io), io);
    }

    /** The file a chain of symbolic links ends at, which may not exist yet; {@code file} itself if it is no link. */
    static Path linkTarget(Path file) throws IOException {
        try {
            return SymbolicLinks.finalTarget(file);
        } catch (FileSystemLoopException e) { // named by its path alone
            throw new IOException("too many levels of symbolic links", e);
        }
    }

    private static void deleteQuietly(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // the write's own failure is what the user reads; a .partial left behind says it did not complete
        }
    }
}
