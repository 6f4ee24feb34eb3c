package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load whose disk fills up: in a child JVM whose files may not grow past 3 MB ({@code ulimit -f}), as a full disk
 * refuses them, the load fails with the database's own words, and once there is room, loading the same file again
 * resumes it, to the registry and report of a load that never failed. Spring Batch could not record the failure
 * itself (the write fails too), so it calls the job's state unknown; the registry's is the last commit's.
 */
class FullDiskLoadTests {

    @TempDir
    Path dir;

    @Test
    void aLoadThatFillsTheDiskFailsSayingSoAndResumesOnceThereIsRoom() throws Exception {
        // given
        Path file = dir.resolve("nightly.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(200_000, 0.05, 3, true), out);
        }
        Result clean = cli("--db", dir.resolve("clean.db").toString(), "--reports", dir.resolve("clean").toString(),
                "load", "--progress", "none", file.toString());
        assertThat(clean.exit()).as(clean.out()).isZero();
        String db = dir.resolve("full.db").toString();
        String reports = dir.resolve("full").toString();

        // when: files may not grow past 3 MB, and the database outgrows that
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 3000; exec \"$0\" \"$@\""));
        command.addAll(ChildJvm.command("--db", db, "--reports", reports, "load", "--progress", "none",
                file.toString()));
        Process child = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());

        // then: one line, naming the registry's file, with the database's words
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(1);
        assertThat(output).startsWith("error: The load of " + file + " failed: " + db + " could not be read or"
                        + " written (an I/O error: a full disk, a limit on file size such as ulimit -f, a failing disk"
                        + " or network file system); nothing of the failed transaction was kept: mend that and run the"
                        + " command again (SQLite: [SQLITE_IOERR_WRITE] ").hasLineCount(1);

        // when: there is room again
        Result resumed = cli("--db", db, "--reports", reports, "load", "--progress", "none", file.toString());

        // then: the same run, finished as the load that never failed
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(resumed.out()).isEqualTo(clean.out().replace(dir.resolve("clean").toString(), reports));
        Path cleanExport = dir.resolve("clean-export.json");
        Path resumedExport = dir.resolve("resumed-export.json");
        assertThat(cli("--db", dir.resolve("clean.db").toString(), "export", cleanExport.toString()).exit()).isZero();
        assertThat(cli("--db", db, "export", resumedExport.toString()).exit()).isZero();
        assertThat(Files.readString(resumedExport)).isEqualTo(Files.readString(cleanExport));
        assertThat(Files.readString(Path.of(reports, "1", "rejects.jsonl")))
                .isEqualTo(Files.readString(dir.resolve("clean/1/rejects.jsonl")));
    }

    private record Result(int exit, String out) {
    }

    private static Result cli(String... args) {
        var out = new StringWriter();
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return new Result(commandLine.execute(args), out.toString());
    }
}
