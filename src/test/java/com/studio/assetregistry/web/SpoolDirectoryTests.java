package com.studio.assetregistry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool directory on a real file system, with real processes: one that ended, and this one's parent, alive. */
class SpoolDirectoryTests {

    private static final String OWN = Long.toString(ProcessHandle.current().pid());

    @TempDir
    Path dir;

    @Test
    void aServerTakesADirectoryOfItsOwnInASpoolDirectoryOnlyItsUserCanEnter() throws Exception {
        Path spoolDir = dir.resolve("spool");

        SpoolDirectory spool = SpoolDirectory.create(spoolDir);
        Path file = spool.newFile();

        assertThat(spool.path()).isEqualTo(spoolDir.resolve(OWN)).isDirectory();
        assertThat(file.getParent()).isEqualTo(spool.path());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolDir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.path()))).isEqualTo("rwx------");
    }

    @Test
    void removesTheDirectoriesOfServersThatEndedAndKeepsThoseOfServersStillRunning() throws Exception {
        // given: the spool file a killed server left, and the directory of a running one
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path spoolDir = Files.createDirectories(dir.resolve("spool"));
        Path left = Files.createDirectories(spoolDir.resolve(Long.toString(ended.pid())));
        Files.writeString(left.resolve("load-1.json"), "[]");
        Path running = Files.createDirectories(spoolDir.resolve(Long.toString(ProcessHandle.current().parent()
                .orElseThrow().pid())));
        Files.writeString(running.resolve("load-2.json"), "[]");
        Path other = Files.writeString(spoolDir.resolve("notes.txt"), "not a server's");

        // when
        SpoolDirectory.create(spoolDir);

        // then
        assertThat(left).doesNotExist();
        assertThat(running.resolve("load-2.json")).exists();
        assertThat(other).exists();
    }

    @Test
    void aServerRemovesItsDirectoryAsItStopsWithWhatALoadLeftInIt() throws Exception {
        SpoolDirectory spool = SpoolDirectory.create(dir.resolve("spool"));
        spool.newFile();

        spool.remove();

        assertThat(spool.path()).doesNotExist();
        assertThat(dir.resolve("spool")).isEmptyDirectory();
    }

    @Test
    void aSpoolDirectoryThatCannotBeMadeIsOneLineNamingTheProperty() throws Exception {
        Path file = Files.writeString(dir.resolve("spool"), "a file");

        assertThatThrownBy(() -> SpoolDirectory.create(file)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot use the spool directory " + file + " (registry.api.spool-dir): " + file
                        + ": a file of that name already exists");
    }
}
