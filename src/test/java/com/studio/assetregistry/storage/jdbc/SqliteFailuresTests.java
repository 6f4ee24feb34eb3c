package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.CannotAcquireLockException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's failures in words that name the file and say what to do; the driver's own words kept at the end. */
class SqliteFailuresTests {

    @TempDir
    Path dir;

    @Test
    void aLockHeldTooLongNamesTheFileAndAnotherProcess() {
        var busy = new SQLiteException("[SQLITE_BUSY] The database file is locked (database is locked)",
                SQLiteErrorCode.SQLITE_BUSY);

        assertThat(SqliteFailures.describe(new CannotAcquireLockException("JDBC commit", busy), Path.of("night.db")))
                .hasValue("night.db is locked by another process (another load, an add, a sqlite3 shell, a backup)"
                        + " that held its lock longer than this one waits for it (busy_timeout in registry.sqlite-url);"
                        + " run the command again once that process is done (SQLite: [SQLITE_BUSY] The database file is"
                        + " locked (database is locked))");
    }

    @Test
    void aTransactionOvertakenByAnotherWriterIsNotCalledALockHeldTooLong() {
        var snapshot = new SQLiteException("[SQLITE_BUSY_SNAPSHOT] h", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT);

        assertThat(SqliteFailures.describe(snapshot, Path.of("r.db"))).hasValue("r.db changed under a transaction that"
                + " had read it, as another process wrote to it; nothing of that transaction was kept: run the command"
                + " again (SQLite: [SQLITE_BUSY_SNAPSHOT] h)");
    }

    @Test
    void aReadOnlyDatabaseOfUnknownFileSaysWhereToLook() {
        var readOnly = new SQLiteException("[SQLITE_READONLY_DIRECTORY] a", SQLiteErrorCode.SQLITE_READONLY_DIRECTORY);

        assertThat(SqliteFailures.describe(new IllegalStateException("Could not commit", readOnly), null))
                .hasValue("the registry's database cannot be written: the file, or its directory, is read-only for"
                        + " this user, or is gone; SQLite writes the file and, beside it, its -wal and -shm"
                        + " companions, even to read (SQLite: [SQLITE_READONLY_DIRECTORY] a)");
    }

    @Test
    void aDirectoryWhereTheDatabaseShouldBeIsSaidSo() {
        var cantOpen = new SQLiteException("[SQLITE_CANTOPEN] b", SQLiteErrorCode.SQLITE_CANTOPEN);

        assertThat(SqliteFailures.describe(cantOpen, dir)).hasValue(dir + " cannot be opened: it is a directory;"
                + " name a file in it, or a new file (SQLite: [SQLITE_CANTOPEN] b)");
    }

    @Test
    void aDatabaseThatIsGoneIsSaidSo() {
        var cantOpen = new SQLiteException("[SQLITE_CANTOPEN] c", SQLiteErrorCode.SQLITE_CANTOPEN);
        Path gone = dir.resolve("gone.db");

        assertThat(SqliteFailures.describe(cantOpen, gone)).hasValueSatisfying(message -> assertThat(message)
                .isEqualTo(gone + " cannot be opened: " + gone.toAbsolutePath() + " does not exist (SQLite:"
                        + " [SQLITE_CANTOPEN] c)"));
    }

    @Test
    void aDamagedDatabaseSaysToRestoreIt() throws IOException {
        Path db = Files.writeString(dir.resolve("registry.db"), "not a database");
        var corrupt = new SQLiteException("[SQLITE_CORRUPT] d", SQLiteErrorCode.SQLITE_CORRUPT_INDEX);

        assertThat(SqliteFailures.describe(corrupt, db)).hasValue(db + " is damaged, or not a SQLite database:"
                + " restore it from a backup (damaged in part, export may still read the rest, to load into a new"
                + " file) (SQLite: [SQLITE_CORRUPT] d)");
    }

    @Test
    void aFullDiskSaysSo() {
        var full = new SQLiteException("[SQLITE_FULL] e", SQLiteErrorCode.SQLITE_FULL);

        assertThat(SqliteFailures.describe(full, Path.of("r.db"))).hasValue("the disk holding r.db is full; nothing"
                + " of the failed transaction was kept: free some space and run the command again (SQLite:"
                + " [SQLITE_FULL] e)");
    }

    @Test
    void anInputOutputErrorSaysWhatMayCauseIt() {
        var io = new SQLiteException("[SQLITE_IOERR_WRITE] g", SQLiteErrorCode.SQLITE_IOERR_WRITE);

        assertThat(SqliteFailures.describe(io, Path.of("r.db"))).hasValue("r.db could not be read or written (an I/O"
                + " error: a full disk, a limit on file size such as ulimit -f, a failing disk or network file system);"
                + " nothing of the failed transaction was kept: mend that and run the command again (SQLite:"
                + " [SQLITE_IOERR_WRITE] g)");
    }

    @Test
    void otherFailuresAreLeftToTheirOwnWords() {
        var constraint = new SQLiteException("[SQLITE_CONSTRAINT] f", SQLiteErrorCode.SQLITE_CONSTRAINT);

        assertThat(SqliteFailures.describe(constraint, Path.of("r.db"))).isEmpty();
        assertThat(SqliteFailures.describe(new IllegalStateException("no SQLite here"), Path.of("r.db"))).isEmpty();
    }

    @Test
    void aFileThatCannotBeOpenedForWantOfFileHandlesSaysSoNotThatItIsReadOnly() {
        assertThat(SqliteFailures.outOfFileHandles(handles(1019, 1024))).hasValue("this process has used the 1024"
                + " files it may have open (ulimit -n): raise the limit (ulimit -n 4096) and run the command again");
        assertThat(SqliteFailures.outOfFileHandles(handles(200, 1024))).isEmpty();
        // this very process, far from its limit
        assertThat(SqliteFailures.outOfFileHandles(ManagementFactory.getOperatingSystemMXBean())).isEmpty();
    }

    /** The JVM's view of a process with {@code open} of its {@code max} files open: a low ulimit -n. */
    private static OperatingSystemMXBean handles(long open, long max) {
        return (OperatingSystemMXBean) Proxy.newProxyInstance(SqliteFailuresTests.class.getClassLoader(),
                new Class<?>[] {UnixOperatingSystemMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getOpenFileDescriptorCount" -> open;
                    case "getMaxFileDescriptorCount" -> max;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
