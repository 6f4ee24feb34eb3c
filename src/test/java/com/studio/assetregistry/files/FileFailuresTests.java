package com.studio.assetregistry.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileFailuresTests {

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamedWithTheFileSystemsWordsNotOnlyItsPath() {
        Path missing = dir.resolve("gone.jsonl");
        IOException failure = catchIo(() -> Files.newInputStream(missing).close());

        assertThat(failure).isInstanceOf(NoSuchFileException.class).hasMessage(missing.toString());
        assertThat(FileFailures.describe(failure)).isEqualTo(missing + ": no such file or directory");
        assertThat(FileFailures.reason(failure)).isEqualTo("no such file or directory");
    }

    @Test
    void aMissingFileWhoseNameWasNotUtf8SaysSoRatherThanThatItIsNotThere() throws IOException {
        // lat\xe9.json, a Latin-1 name, as Java reads it from a UTF-8 command line; the file has its own bytes
        Path asGiven = dir.resolve("lat\uFFFD.json");
        IOException failure = catchIo(() -> Files.newInputStream(asGiven).close());

        String reason = "no such file by that name: it was given in bytes that are not UTF-8, which read as U+FFFD"
                + " (\uFFFD); rename the file to a UTF-8 name (convmv -f latin1 -t utf8 --notest, say)";
        assertThat(FileFailures.reason(failure)).isEqualTo(reason);
        assertThat(FileFailures.noSuchFile(asGiven.toString())).isEqualTo(reason);
        assertThat(FileFailures.noSuchFile(dir.resolve("gone.json").toString())).isEqualTo("no such file");
    }

    @Test
    void aReasonTheFileSystemGaveIsKeptAndBothFilesOfAMoveAreNamed() {
        IOException tooLong = new FileSystemException("/inbox/n.json.report", null, "File name too long");
        IOException move = new FileSystemException("/inbox/a.json", "/inbox/processed/a.json", "Read-only file system");

        assertThat(FileFailures.describe(tooLong)).isEqualTo("/inbox/n.json.report: File name too long");
        assertThat(FileFailures.describe(move))
                .isEqualTo("/inbox/a.json -> /inbox/processed/a.json: Read-only file system");
        assertThat(FileFailures.describe(new AccessDeniedException("/data/registry.db")))
                .isEqualTo("/data/registry.db: permission denied");
        assertThat(FileFailures.describe(new FileAlreadyExistsException("/srv/spool")))
                .isEqualTo("/srv/spool: a file of that name already exists");
    }

    @Test
    void anIoFailureOfNoFileIsItsMessageOrItsKind() {
        assertThat(FileFailures.describe(new IOException("Stream closed"))).isEqualTo("Stream closed");
        assertThat(FileFailures.describe(new IOException())).isEqualTo("IOException");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static IOException catchIo(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("no failure");
    }
}
