package com.studio.assetregistry.web;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.files.UnusableDirectoryException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Where this server spools uploads while they load: a directory of its own, {@code <registry.api.spool-dir>/<pid>}.
 * Both are created for their user alone (mode 700), so that no other user reads an upload; the spool directory is per
 * user by default ({@code asset-registry-spool-<user>} in the system's temporary directory). A server killed in the
 * middle of a load cannot delete its spool file: the next server to start on the same spool directory removes the
 * directories of servers no longer running, and a server removes its own as it stops. A server still running keeps
 * its directory, so several servers may share one spool directory.
 */
final class SpoolDirectory {

    private static final Logger log = LoggerFactory.getLogger(SpoolDirectory.class);

    private final Path own;

    private SpoolDirectory(Path own) {
        this.own = own;
    }

    /** Creates this process's directory in {@code spoolDir}, after removing those of processes that ended. */
    static SpoolDirectory create(Path spoolDir) {
        try {
            Files.createDirectories(spoolDir, ownerOnly());
            removeThoseOfEndedProcesses(spoolDir);
            Path own = spoolDir.resolve(Long.toString(ProcessHandle.current().pid()));
            FileSystemUtils.deleteRecursively(own); // a process of the same id that ended, not yet removed
            return new SpoolDirectory(Files.createDirectory(own, ownerOnly()));
        } catch (IOException e) {
            throw new UnusableDirectoryException("Cannot use the spool directory " + spoolDir
                    + " (registry.api.spool-dir): " + FileFailures.describe(e), e);
        }
    }

    /** This server's directory. */
    Path path() {
        return own;
    }

    /** A new, empty spool file in this server's directory. */
    Path newFile() throws IOException {
        Files.createDirectories(own, ownerOnly()); // removed by hand while the server runs: made again
        return Files.createTempFile(own, "load-", ".json");
    }

    /** Removes this server's directory and what is left in it. */
    void remove() {
        try {
            FileSystemUtils.deleteRecursively(own);
        } catch (IOException e) {
            log.warn("Cannot remove the spool directory {}: {}", own, FileFailures.describe(e));
        }
    }

    private static void removeThoseOfEndedProcesses(Path spoolDir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(spoolDir,
                entry -> entry.getFileName().toString().matches("[0-9]{1,18}") && Files.isDirectory(entry))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                    log.info("Removing the spool directory {} of server process {}, which ended", entry, pid);
                    FileSystemUtils.deleteRecursively(entry);
                }
            }
        }
    }

    /** Mode 700, where the file system has POSIX permissions: the files in it are then private, whatever their mode. */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    }
}
