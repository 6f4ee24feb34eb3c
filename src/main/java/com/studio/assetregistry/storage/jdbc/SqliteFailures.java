package com.studio.assetregistry.storage.jdbc;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * What a failure of SQLite means, in a sentence for the person who ran the command: the driver's own words
 * ({@code [SQLITE_BUSY] The database file is locked (database is locked)}) say neither which file nor what to do.
 * Says which file, or which of its {@code -wal} and {@code -shm} companions or its directory, this user may not
 * write or read, when that is the cause.
 */
public final class SqliteFailures {

    /** How close to its limit of open files a process is taken to have run out: a few are opened meanwhile. */
    private static final int FILE_HANDLES_SPARE = 8;
    private static final String COMPANIONS = "; SQLite writes the file and, beside it, its -wal and -shm"
            + " companions, even to read";

    private SqliteFailures() {
    }

    /**
     * The meaning of the first SQLite failure among {@code failure} and its causes, for the registry in the file
     * {@code database} ({@code null} if unknown); empty if none is SQLite's, or SQLite's words are the best there are.
     */
    public static Optional<String> describe(Throwable failure, Path database) {
        return Optional.ofNullable(ExceptionUtils.throwableOfType(failure, SQLiteException.class))
                .flatMap(sqlite -> describe(sqlite, database));
    }

    private static Optional<String> describe(SQLiteException failure, Path database) {
        String file = database == null ? "the registry's database" : database.toString();
        String words = " (SQLite: " + failure.getMessage() + ")";
        SQLiteErrorCode code = failure.getResultCode();
        int primary = code == null ? -1 : code.code & 0xFF;
        if (code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT) { // no wait: a transaction that read, then wanted to write
            return Optional.of(file + " changed under a transaction that had read it, as another process wrote to it;"
                    + " nothing of that transaction was kept: run the command again" + words);
        }
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code) {
            return Optional.of(file + " is locked by another process (another load, an add, a sqlite3 shell, a backup)"
                    + " that held its lock longer than this one waits for it (busy_timeout in registry.sqlite-url);"
                    + " run the command again once that process is done" + words);
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            String verb = primary == SQLiteErrorCode.SQLITE_READONLY.code ? "written" : "opened";
            return Optional.of(file + " cannot be " + verb + ": " + blocking(database) + words);
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return Optional.of(file + " is damaged, or not a SQLite database: restore it from a backup (damaged in"
                    + " part, export may still read the rest, to load into a new file)" + words);
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return Optional.of("the disk holding " + file + " is full; nothing of the failed transaction was kept:"
                    + " free some space and run the command again" + words);
        }
        if (primary == SQLiteErrorCode.SQLITE_IOERR.code) {
            return Optional.of(file + " could not be read or written (an I/O error: a full disk, a limit on file size"
                    + " such as ulimit -f, a failing disk or network file system); nothing of the failed transaction"
                    + " was kept: mend that and run the command again" + words);
        }
        return Optional.empty();
    }

    /**
     * Which of the database's files, or its directory, this user may not write, or else a guess. A user who may read
     * the file only cannot read it either: in WAL mode, SQLite writes the -shm file even to read.
     */
    private static String blocking(Path database) {
        if (database == null) {
            return "the file, or its directory, is read-only for this user, or is gone" + COMPANIONS;
        }
        Path absolute = database.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return "it is a directory; name a file in it, or a new file";
        }
        Path directory = absolute.getParent();
        List<String> denied = new ArrayList<>();
        for (Path each : List.of(absolute, companion(absolute, "-wal"), companion(absolute, "-shm"))) {
            if (Files.exists(each) && !Files.isWritable(each)) {
                denied.add(each.toString());
            }
        }
        if (directory != null && !Files.isWritable(directory)) {
            denied.add("the directory " + directory);
        }
        if (denied.isEmpty()) {
            Optional<String> handles = outOfFileHandles(ManagementFactory.getOperatingSystemMXBean());
            if (handles.isPresent()) {
                return handles.get();
            }
            return Files.exists(absolute) ? "the file, or its directory, is read-only for this user, or on a read-only"
                    + " file system" + COMPANIONS : absolute + " does not exist";
        }
        return "this user may not write " + String.join(", ", denied) + " (make them writable, or run as their"
                + " owner)" + COMPANIONS;
    }

    /**
     * Whether this process has (nearly) used all the files it may have open, which SQLite reports as a file it cannot
     * open: a low {@code ulimit -n}, whose limit the JVM's classpath alone can come close to.
     */
    static Optional<String> outOfFileHandles(OperatingSystemMXBean system) {
        if (system instanceof UnixOperatingSystemMXBean unix && unix.getMaxFileDescriptorCount() > 0
                && unix.getOpenFileDescriptorCount() >= unix.getMaxFileDescriptorCount() - FILE_HANDLES_SPARE) {
            return Optional.of("this process has used the " + unix.getMaxFileDescriptorCount() + " files it may have"
                    + " open (ulimit -n): raise the limit (ulimit -n 4096) and run the command again");
        }
        return Optional.empty();
    }

    private static Path companion(Path database, String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }
}
