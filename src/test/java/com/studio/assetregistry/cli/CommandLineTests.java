package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.registry.AssetQueries;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.FileSystemUtils;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

/** The command line as a user runs it: real commands on a real SQLite file, output and exit codes. */
class CommandLineTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void loadsTheSampleAndPrintsOneSummaryLine() {
        int exit = run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo("read 20, registered 17, unchanged 0, rejected 3 "
                + "(status.unknown 2, version.sequence 1); report: " + dir.resolve("reports").resolve("1") + "/\n");
        assertThat(err.toString()).isEmpty();
        assertThat(dir.resolve("reports/1/rejects.jsonl")).exists();
        assertThat(dir.resolve("reports/1/summary.json")).exists();
    }

    @Test
    void aLoadThatMovesAnotherRegistrysReportAsideSaysSoOnStandardError() {
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        err.getBuffer().setLength(0);

        // a second registry sharing the reports directory: its run 1 finds the first one's report there
        int exit = run("--db", dir.resolve("second.db").toString(), "--reports", reports(), "load",
                "data/asset_data.json");

        assertThat(exit).isZero();
        assertThat(err.toString()).startsWith("warning: The report directory " + dir.resolve("reports").resolve("1")
                + " held an earlier report, of another registry or of one whose file was replaced: moved to "
                + dir.resolve("reports").resolve("1") + ".earlier-").hasLineCount(1);
    }

    @Test
    void refusesALoadWhoseReportCannotBeWrittenBeforeItRegistersAnything() throws IOException {
        // given: the reports directory is a file
        Path reports = Files.writeString(dir.resolve("reports"), "not a directory");

        // when
        int exit = run("--db", db(), "--reports", reports.toString(), "load", "data/asset_data.json");

        // then: one line, and no run started
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot load data/asset_data.json: its report cannot be written: "
                + reports + " is not a directory\n");
        assertThat(out.toString()).isEmpty();
        assertThat(run("--db", db(), "runs")).isZero();
        assertThat(out.toString()).isEqualTo("no run yet\n");
    }

    @Test
    void aLoadWhoseReportFailsAfterItRegisteredSaysSoAndWritesTheReportWhenLoadedAgain() throws IOException {
        // given: the run's own report directory is blocked by a file, which only writing the report finds
        Path blocked = Files.createDirectories(dir.resolve("reports")).resolve("1");
        Files.writeString(blocked, "not a directory");

        // when
        int exit = run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");

        // then: it says what it registered, and how to get the report
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: The load of data/asset_data.json registered its records "
                + "(registered 17, unchanged 0, rejected 3), but its report could not be written: ")
                .contains(": " + blocked + " is not a directory. Load the same file again to write it\n")
                .hasLineCount(1);

        // when: the way is clear, and the same file is loaded again
        Files.delete(blocked);
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int again = run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");

        // then: the same run ends, with its whole report, and nothing registered twice
        assertThat(again).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("read 20, registered 17, unchanged 0, rejected 3 "
                + "(status.unknown 2, version.sequence 1); report: " + blocked + "/\n");
        assertThat(blocked.resolve("rejects.jsonl")).content().hasLineCount(3);
    }

    @Test
    void exportsTheRegistryToAFileThatReloadsIntoTheSameRegistry() throws IOException {
        run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");
        Path export = dir.resolve("export.json");

        int exit = run("export", "--db", db(), export.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).endsWith("exported 17 versions to " + export + "\n");
        String copy = dir.resolve("copy.db").toString();
        String copyReports = dir.resolve("copy-reports").toString(); // a registry's own, as each should have
        assertThat(run("--db", copy, "--reports", copyReports, "load", export.toString())).isZero();
        Path second = dir.resolve("second.json");
        assertThat(run("--db", copy, "export", second.toString())).isZero();
        assertThat(Files.readString(second)).isEqualTo(Files.readString(export));

        Path nowhere = dir.resolve("no/such/dir/export.json");
        assertThat(run("--db", copy, "export", nowhere.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot write " + nowhere + ": no such file or directory\n");

        // a directory in the way fails the export once written: nothing is left of it
        Path taken = Files.createDirectories(dir.resolve("taken.json").resolve("inside"));
        assertThat(run("--db", copy, "export", taken.getParent().toString())).isEqualTo(1);
        assertThat(partialFilesIn(dir)).isEmpty();

        // '-' is standard output, as it is standard input to the commands that read
        out.getBuffer().setLength(0);
        assertThat(run("--db", copy, "export", "-")).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(export));
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void exportWritesThroughASymbolicLinkAndIntoAPipeRatherThanReplaceThem() throws Exception {
        run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");
        Path target = Files.writeString(dir.resolve("target.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("target.json"));
        Path pipe = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        assertThat(run("--db", db(), "export", link.toString())).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(Files.readString(target)).startsWith("[\n{\"asset\":");

        var read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertThat(run("--db", db(), "export", pipe.toString())).isZero();
        assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Files.readString(target));
        assertThat(Files.readAttributes(pipe, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()).as("still a pipe").isTrue();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("exported 17 versions to " + pipe + "\n");

        // a link to a registry's write-ahead log is refused as the log itself is
        Path wal = Files.writeString(Path.of(db() + "-wal"), "");
        Path toWal = Files.createSymbolicLink(dir.resolve("wal-link.json"), wal);
        assertThat(run("--db", db(), "export", toWal.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("it belongs to the SQLite database beside it");
        // a device that is full is named in the error, as a file is
        err.getBuffer().setLength(0);
        assertThat(run("--db", db(), "export", "/dev/full")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot write /dev/full: No space left on device\n");
    }

    @Test
    void generatesAReproducibleFileWhoseLoadGivesTheSummaryItPrints() throws IOException {
        Path data = dir.resolve("data.jsonl");

        assertThat(run("generate", "--records", "200", "--error-rate", "0.1", "--seed", "7", "--ndjson",
                data.toString())).isZero();

        String expected = out.toString().replaceFirst("(?s)^wrote " + Pattern.quote(data.toString())
                + "; a load into an empty registry gives: (read .*)\n$", "$1");
        assertThat(expected).startsWith("read 200, registered ").contains("rejected 20 (");
        String first = Files.readString(data);
        assertThat(run("generate", "--records", "200", "--error-rate", "0.1", "--seed", "7", "--ndjson",
                data.toString())).isZero();
        assertThat(Files.readString(data)).isEqualTo(first);
        out.getBuffer().setLength(0);
        assertThat(run("--db", db(), "--reports", reports(), "load", data.toString())).isZero();
        assertThat(out.toString()).startsWith(expected + "; report: ");
    }

    @Test
    void generateThroughASymbolicLinkCountsTheRoomOfTheFileSystemTheLinkLeadsTo() throws IOException {
        // given: a link here to a file on another file system, the machine's memory (tmpfs)
        Path memory = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(memory) && Files.isWritable(memory), "no /dev/shm");
        assumeTrue(!Files.getFileStore(memory).equals(Files.getFileStore(dir)), "/dev/shm is this file system");
        Path there = Files.createTempDirectory(memory, "generate-link");
        try {
            Path link = Files.createSymbolicLink(dir.resolve("data.json"), there.resolve("data.json"));

            // when
            assertThat(run("generate", "--records", "99999999999", link.toString())).isEqualTo(1);

            // then: the free space named is that of the link's target, not of the link's own directory
            assertThat(err.toString()).isEqualTo("error: Cannot write " + link + ": 99999999999 records take at least"
                    + " 8.2 TiB, and its file system has "
                    + HumanFormat.bytes(Files.getFileStore(there).getUsableSpace()) + " free\n");
        } finally {
            FileSystemUtils.deleteRecursively(there);
        }
    }

    @Test
    void generateRefusesAFileItsDiskHasNoRoomForAndKeepsTheFileItWouldReplace() throws IOException {
        Path kept = Files.writeString(dir.resolve("kept.json"), "an earlier file");

        assertThat(run("generate", "--records", "99999999999", kept.toString())).isEqualTo(1);

        assertThat(err.toString()).startsWith("error: Cannot write " + kept + ": 99999999999 records take at least"
                + " 8.2 TiB, and its file system has ").endsWith(" free\n");
        assertThat(kept).hasContent("an earlier file");
        assertThat(partialFilesIn(dir)).isEmpty();
    }

    @Test
    void exportAndGenerateNeverWriteThroughALinkPlantedWhereAPartialFileCouldBe() throws IOException {
        // given: whoever can write the directory linked the names a partial file of export.json could have to a file
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        Path victim = Files.writeString(dir.resolve("victim.txt"), "kept as it was");
        Path export = dir.resolve("export.json");
        Files.createSymbolicLink(dir.resolve("export.json.partial"), victim);
        Files.createSymbolicLink(dir.resolve(".export.json.partial"), victim);

        // when
        assertThat(run("--db", db(), "export", export.toString())).isZero();
        assertThat(run("generate", "--records", "5", export.toString())).isZero();

        // then
        assertThat(victim).hasContent("kept as it was");
        assertThat(Files.isSymbolicLink(export)).isFalse();
        assertThat(JsonMapper.builder().build().readTree(Files.readString(export))).hasSize(5);
        assertThat(partialFilesIn(dir)).containsExactlyInAnyOrder("export.json.partial", ".export.json.partial");
    }

    /** The partial files, or links by their names, left in {@code directory}. */
    private static List<String> partialFilesIn(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".partial")).toList();
        }
    }

    @Test
    void generateToStandardOutputKeepsTheSummaryOffIt() {
        assertThat(run("generate", "--records", "3", "-")).isZero();

        assertThat(JsonMapper.builder().build().readTree(out.toString())).hasSize(3);
        assertThat(err.toString()).isEqualTo("wrote standard output; a load into an empty registry gives: read 3,"
                + " registered 3, unchanged 0, rejected 0\n");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void generateRefusesOptionsOutOfRangeAsUsageErrorsAndAnUnwritableFileAsAFailure() {
        assertThat(run("generate", "--records", "10", "--error-rate", "2", dir.resolve("x.json").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: The error rate must be from 0 to 1, got 2.0; "
                + "see: asset-registry generate --help\n");
        err.getBuffer().setLength(0);
        assertThat(run("generate", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Missing required option: '--records=N'; "
                + "see: asset-registry generate --help\n");
        err.getBuffer().setLength(0);
        Path nowhere = dir.resolve("no/such/dir/x.json");
        assertThat(run("generate", "--records", "10", nowhere.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot write " + nowhere + ": no such file or directory\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void exportAndGenerateRefuseADirectoryOrAnEmptyNameSayingSo() throws IOException {
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        for (String[] command : List.of(new String[] {"--db", db(), "export"},
                new String[] {"generate", "--records", "10"})) {
            List<String> args = new ArrayList<>(List.of(command));
            args.add(dir.toString());
            err.getBuffer().setLength(0);
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("error: Cannot write " + dir + ": it is a directory; name a file in"
                    + " it\n");

            args.set(args.size() - 1, "");
            err.getBuffer().setLength(0);
            assertThat(run(args.toArray(String[]::new))).as(args.toString()).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("error: Cannot write a file of no name: name one, or - for standard"
                    + " output\n");
        }
        // where a write would have put its partial file: beside the directory, or beside the working directory
        assertThat(partialFilesIn(dir.getParent())).isEmpty();
        assertThat(partialFilesIn(Path.of("").toAbsolutePath().getParent())).isEmpty();
    }

    @Test
    void exportAndGenerateRefuseToWriteOverADatabaseTheRegistryIncluded() throws IOException {
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        byte[] registry = Files.readAllBytes(Path.of(db()));
        out.getBuffer().setLength(0);

        for (String[] command : List.of(new String[] {"--db", db(), "export", db()},
                new String[] {"generate", "--records", "5", db()})) {
            err.getBuffer().setLength(0);

            assertThat(run(command)).as(command[2]).isEqualTo(1);
            assertThat(err.toString()).as(command[2]).isEqualTo("error: Cannot write " + db() + ": it is a SQLite"
                    + " database (a registry?), which this would destroy; name another file\n");
        }
        err.getBuffer().setLength(0);
        assertThat(run("generate", "--records", "5", db() + "-wal")).as("its write-ahead log").isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot write " + db() + "-wal: it belongs to the SQLite database"
                + " beside it (a registry?), which this would damage; name another file\n");
        assertThat(out.toString()).isEmpty();
        assertThat(Files.readAllBytes(Path.of(db()))).isEqualTo(registry);
        assertThat(run("--db", db(), "list")).isZero();
    }

    @Test
    void aMissingFileIsOneLineOnStandardErrorAndExitCodeOne() {
        int exit = run("--db", db(), "load", dir.resolve("nope.json").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot load " + dir.resolve("nope.json") + ": no such file\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileThatIsNotThereSaysWhyWhenItIsABrokenLinkOrStandardInput() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("latest.json"), dir.resolve("gone.json"));
        Path loop = Files.createSymbolicLink(dir.resolve("loop.json"), dir.resolve("loop.json"));
        Map<String, String> why = new LinkedHashMap<>();
        why.put(dangling.toString(), "it is a symbolic link to a file that does not exist");
        why.put(loop.toString(), "its symbolic links lead round in a loop");
        why.put("-", "no such file; a load reads a file, not standard input (it hashes the file to know it again, and"
                + " seeks in it to resume): write the stream to a file first");

        why.forEach((file, reason) -> {
            err.getBuffer().setLength(0);
            assertThat(run("--db", db(), "load", file)).as(file).isEqualTo(1);
            assertThat(err.toString()).as(file).isEqualTo("error: Cannot load " + file + ": " + reason + "\n");
        });
        err.getBuffer().setLength(0);
        assertThat(run("--db", db(), "load", "")).isEqualTo(1); // not the working directory, "for example /*.json"
        assertThat(err.toString()).isEqualTo("error: Cannot load a file of no name: name the file to load\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anotherApplicationsDatabaseIsNamedForWhatItIsAndLeftAsItWas() throws Exception {
        Path other = dir.resolve("notes.db");
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (text TEXT)");
        }

        for (String command : new String[] {"load", "list"}) {
            err.getBuffer().setLength(0);
            int exit = command.equals("load") ? run("--db", other.toString(), "load", "data/asset_data.json")
                    : run("--db", other.toString(), "list");

            assertThat(exit).as(command).isEqualTo(1);
            assertThat(err.toString()).as(command).isEqualTo("error: Cannot open the registry " + other + ": it is"
                    + " not an asset registry: it holds tables of its own and no registry's history (another"
                    + " application's database?); name a registry, or a new file or an empty database to make one\n");
        }
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + other);
             var tables = connection.createStatement().executeQuery("SELECT group_concat(name) FROM sqlite_master")) {
            assertThat(tables.getString(1)).isEqualTo("note");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsOneLineAndExitCodeOne() {
        int exit = run("--db", dir.resolve("no/such/dir/registry.db").toString(), "load", "data/asset_data.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry " + dir.resolve("no/such/dir/registry.db")
                + ": the directory " + dir.resolve("no/such/dir").toAbsolutePath()
                + " does not exist; create it first, or name another file\n");

        // a directory where the file should be: SQLite's own reason, on one line
        exit = run("--db", dir.toString(), "load", "data/asset_data.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(2).last().asString()
                .startsWith("error: Cannot open the registry " + dir + ": " + dir + " cannot be opened: it is a"
                        + " directory; name a file in it, or a new file (SQLite: [SQLITE_CANTOPEN] ")
                .doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aDatabaseNamedUnderAFileOrAPipeIsRefusedSayingWhatItIs() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        Path pipe = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

        assertThat(run("--db", file.resolve("registry.db").toString(), "load", "data/asset_data.json")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry " + file.resolve("registry.db") + ": "
                + file.toAbsolutePath() + " is a file, not a directory; name a file in a directory\n");

        for (String[] command : List.of(new String[] {"--db", file.resolve("registry.db").toString(), "list"},
                new String[] {"--db", file.resolve("sub/registry.db").toString(), "load", "data/asset_data.json"})) {
            err.getBuffer().setLength(0);
            assertThat(run(command)).isEqualTo(1);
            assertThat(err.toString()).as(String.join(" ", command)).endsWith(": " + file.toAbsolutePath()
                    + " is a file, not a directory; name a file in a directory\n");
        }

        err.getBuffer().setLength(0);
        assertThat(run("--db", pipe.toString(), "load", "data/asset_data.json")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry " + pipe + ": it is not a regular file"
                + " (a pipe or a device); name a registry file, or a new file to make one\n");
        assertThat(dir.resolve("pipe-journal")).doesNotExist();
    }

    @Test
    void aPostgresqlUrlOfAnUnknownHostOrNoDatabaseSaysWhatToFix() {
        // .invalid is reserved never to resolve (RFC 2606), with or without a network
        assertThat(run("--db", "jdbc:postgresql://no-such-host.invalid:5432/registry", "list")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry jdbc:postgresql://no-such-host.invalid"
                + ":5432/registry: unknown host no-such-host.invalid: no name server or hosts file knows it; check the"
                + " URL's host\n");

        err.getBuffer().setLength(0);
        assertThat(run("--db", "jdbc:postgresql://127.0.0.1:5432", "list")).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry jdbc:postgresql://127.0.0.1:5432: the"
                + " JDBC URL is not one its driver takes; a PostgreSQL one is jdbc:postgresql://HOST[:PORT]/DATABASE,"
                + " with the database's name\n");
    }

    @Test
    void anEmptyDbOptionIsRefusedRatherThanLoadingIntoATemporaryDatabase() {
        for (String command : new String[] {"load", "list"}) {
            err.getBuffer().setLength(0);
            int exit = command.equals("load") ? run("--db", "", "load", "data/asset_data.json") : run("--db", " ", "list");

            assertThat(exit).as(command).isEqualTo(1);
            assertThat(err.toString()).as(command).isEqualTo("error: Cannot open the registry: --db is empty; name a"
                    + " registry file or a JDBC URL, or leave --db out for registry.db\n");
            assertThat(out.toString()).as(command).isEmpty();
        }
    }

    @Test
    void aRegistryFileNameTheUrlWouldReadAsSettingsIsRefusedRatherThanWriteAnotherFile() throws IOException {
        for (String db : new String[] {dir.resolve("reg?v2.db").toString(), "file:" + dir.resolve("x.db")}) {
            err.getBuffer().setLength(0);
            int exit = run("--db", db, "--reports", reports(), "load", "data/asset_data.json");

            assertThat(exit).as(db).isEqualTo(1);
            assertThat(err.toString()).as(db).isEqualTo("error: Cannot open the registry " + db + ": a registry"
                    + " file's name may not hold '?' or begin with 'file:', which SQLite reads as settings and not as"
                    + " the name; rename the file, or give a jdbc:sqlite: URL\n");
        }
        try (var left = Files.list(dir)) {
            assertThat(left).as("no database written under another name").isEmpty();
        }
    }

    @Test
    void anEmptyReportsOptionIsRefusedRatherThanTakenForTheDefaultDirectory() {
        for (String command : new String[] {"load", "report"}) {
            err.getBuffer().setLength(0);
            int exit = command.equals("load") ? run("--db", db(), "--reports", "", "load", "data/asset_data.json")
                    : run("--reports", " ", "report");

            assertThat(exit).as(command).isEqualTo(1);
            assertThat(err.toString()).as(command).isEqualTo("error: --reports is empty; name a directory, or leave"
                    + " --reports out for the default directory, reports\n");
            assertThat(out.toString()).as(command).isEmpty();
        }
        assertThat(Path.of(db())).doesNotExist();
    }

    @Test
    void aJdbcUrlOfAnotherDatabaseSaysWhichTheRegistryRunsOn() {
        int exit = run("--db", "jdbc:mysql://localhost/assets", "list");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry jdbc:mysql://localhost/assets: the registry"
                + " runs on SQLite or PostgreSQL: name a file, jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE\n");
    }

    @Test
    void aReadOnlyDatabaseIsSaidSoWithWhereToLook() {
        // root may write any file, so the driver's failure is made here as it reaches the command line
        var failure = new IllegalStateException("Could not commit", new SQLiteException(
                "[SQLITE_READONLY] Attempt to write a readonly database (attempt to write a readonly database)",
                SQLiteErrorCode.SQLITE_READONLY));

        assertThat(Failures.describe(failure, Path.of(db()))).isEqualTo(db() + " cannot be written: " + Path.of(db())
                + " does not exist (SQLite: [SQLITE_READONLY] Attempt to write a readonly database (attempt to write a"
                + " readonly database))");
        assertThat(Failures.describe(failure, null)).isEqualTo("the registry's database cannot be written: the file,"
                + " or its directory, is read-only for this user, or is gone; SQLite writes the file and, beside it,"
                + " its -wal and -shm companions, even to read (SQLite: [SQLITE_READONLY] Attempt to write a readonly"
                + " database (attempt to write a readonly database))");
    }

    @Test
    void runningOutOfHeapSaysHowLargeItWasAndHowToRaiseIt() {
        var failure = new IllegalStateException("Step failed", new OutOfMemoryError("Java heap space"));

        assertThat(Failures.describe(failure)).isEqualTo("The command ran out of memory (Java heap space) in a heap of "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB; give it a larger one, with"
                + " ASSET_REGISTRY_JAVA_OPTS=-Xmx2g bin/asset-registry ..., java -Xmx2g -jar asset-registry.jar ..., or"
                + " in a container JAVA_TOOL_OPTIONS=-Xmx2g or a larger memory limit");
    }

    @Test
    void aRegistryLockedByAnotherProcessIsOneLineNamingItsFile() throws SQLException, IOException {
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        Path lamp = Files.writeString(dir.resolve("lamp.json"), "{\"asset\": {\"name\": \"lamp\", \"type\": \"prop\"},"
                + " \"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}\n");
        err.getBuffer().setLength(0);
        // another process holds the write lock past the wait, made short here
        System.setProperty("registry.sqlite-url", "jdbc:sqlite:${registry.db}?journal_mode=WAL&busy_timeout=200");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");

            int exit = run("--db", db(), "--reports", reports(), "load", lamp.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains(db() + " is locked by another process (another load, an add, a"
                    + " sqlite3 shell, a backup) that held its lock longer than this one waits for it")
                    .doesNotContain("\tat ").hasLineCount(1);
            lock.execute("ROLLBACK");
        } finally {
            System.clearProperty("registry.sqlite-url");
        }
        assertThat(run("--db", db(), "get", "lamp", "prop")).isEqualTo(3);
    }

    @Test
    void aCommandWaitingForTheLockOfAnotherProcessSaysSoAndGoesOnOnceItIsFree() throws Exception {
        assertThat(run("--db", db(), "--reports", reports(), "load", "data/asset_data.json")).isZero();
        Path lamp = Files.writeString(dir.resolve("lamp.json"), "{\"asset\": {\"name\": \"lamp\", \"type\": \"prop\"},"
                + " \"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}\n");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        // another process holds the write lock until the command has said it waits for it
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db());
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
                try {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (!err.toString().contains("note: ") && System.nanoTime() < until) {
                        Thread.sleep(20);
                    }
                    lock.execute("ROLLBACK");
                } catch (InterruptedException | SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            int exit = run("--db", db(), "--reports", reports(), "load", lamp.toString());

            released.get(30, TimeUnit.SECONDS);
            assertThat(exit).as(err.toString()).isZero();
            assertThat(err.toString()).matches("note: " + Pattern.quote(db()) + " is locked by another writer"
                    + Pattern.quote(" (another load, an add, a sqlite3 shell, a backup); waiting up to ")
                    + "\\d+\\.\\d s more for it\n");
            assertThat(out.toString()).startsWith("read 1, registered 1, unchanged 0, rejected 0");
        }
        assertThat(run("--db", db(), "get", "lamp", "prop")).isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            registry.load.chunk-size | lots | error: Cannot start: the setting registry.load.chunk-size ("lots") is not valid: For input string: "lots"
            registry.load.chunk-size | 0    | error: Cannot start: registry.load.chunk-size must be 1 or more, got 0
            """)
    void aSettingThatIsNotValidIsOneLineNamingItNotTheRegistry(String name, String value, String expected) {
        // as an environment variable or an application.yml would set it: a setting Spring reads
        System.setProperty(name, value);
        try {
            int exit = run("--db", db(), "load", "data/asset_data.json");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).isEqualTo(expected + "\n");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void exportToDevStdoutAppendedToAFileWritesStandardOutputAndKeepsWhatTheFileHeld() throws Exception {
        run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");
        Path log = Files.writeString(dir.resolve("night.log"), "before\n");

        // in a JVM of its own, as `asset-registry export /dev/stdout >> night.log` runs
        Process export = new ProcessBuilder(ChildJvm.command("--db", db(), "export", "/dev/stdout"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();

        assertThat(export.waitFor()).isZero();
        assertThat(Files.readString(log)).startsWith("before\n[\n{\"asset\":").endsWith("\n]\n");
    }

    @Test
    void aHeapTooSmallToStartInIsOneLineSayingHowToRaiseItNotAStackTrace() throws Exception {
        // in a JVM of its own with a heap the application cannot start in: out of memory outside any load's step
        Process load = new ProcessBuilder(ChildJvm.command(List.of("-Xmx12m"), "--db", db(), "--reports", reports(),
                "load", "--progress", "none", Path.of("data/asset_data.json").toAbsolutePath().toString())).start();

        assertThat(load.waitFor()).isEqualTo(1);
        // whether the application's start or the command ran out, the heap is named, not the registry
        assertThat(new String(load.getErrorStream().readAllBytes())).startsWith("error: The command ran out of memory")
                .contains("ran out of memory (Java heap space) in a heap of 12 MiB; give it a larger one, with"
                        + " ASSET_REGISTRY_JAVA_OPTS=-Xmx2g bin/asset-registry ..., java -Xmx2g -jar")
                .doesNotContain("\tat ").hasLineCount(1);
    }

    @Test
    void aFullDiskUnderStandardOutputIsAnErrorAndAPipeItsReaderClosedEndsQuietly() throws Exception {
        // in JVMs of their own, writing to the process's real standard output
        Process toFullDisk = new ProcessBuilder(ChildJvm.command("--help")).redirectOutput(new File("/dev/full"))
                .start();
        Process toClosedPipe = new ProcessBuilder(ChildJvm.command("--help")).start();
        toClosedPipe.getInputStream().close(); // as `asset-registry ... | head -1` does once it has its line

        assertThat(toFullDisk.waitFor()).isEqualTo(1);
        assertThat(new String(toFullDisk.getErrorStream().readAllBytes())).isEqualTo("error: Cannot write standard"
                + " output (No space left on device): what the command printed is incomplete\n");
        assertThat(toClosedPipe.waitFor()).isEqualTo(AssetRegistryCommand.PIPE_CLOSED);
        assertThat(new String(toClosedPipe.getErrorStream().readAllBytes())).isEmpty();
    }

    @Test
    void aConfigurationSpringCannotReadIsOneLineOnStandardErrorAndNothingOnStandardOutput() throws Exception {
        // given: an application.yml that is not YAML in the working directory; in a JVM of its own, as a user runs
        // it, since only there is logging not yet configured when the configuration is read
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("application.yml"), "registry:\n  db: [unclosed\n");
        Process unreadable = new ProcessBuilder(ChildJvm.command("load",
                Path.of("data/asset_data.json").toAbsolutePath().toString())).directory(broken.toFile()).start();
        // and a SPRING_CONFIG_LOCATION that is not there, and a banner the environment asks for
        ProcessBuilder elsewhere = new ProcessBuilder(ChildJvm.command("--db", db(), "runs", "--json"))
                .directory(dir.toFile());
        elsewhere.environment().put("SPRING_CONFIG_LOCATION", dir.resolve("nowhere.yml").toString());
        Process missing = elsewhere.start();
        ProcessBuilder banner = new ProcessBuilder(ChildJvm.command("--db", db(), "rules", "--json"))
                .directory(dir.toFile());
        banner.environment().put("SPRING_MAIN_BANNERMODE", "console");
        Process bannered = banner.start();

        assertThat(unreadable.waitFor()).isEqualTo(1);
        assertThat(new String(unreadable.getInputStream().readAllBytes())).as("standard output").isEmpty();
        assertThat(new String(unreadable.getErrorStream().readAllBytes())).isEqualTo("error: Cannot start: a"
                + " configuration file of the application (an application.yml in the working directory or its config/,"
                + " or one that SPRING_CONFIG_LOCATION names) is not valid YAML: expected ',' or ']', but got <stream"
                + " end> at line 3, column 1\n");
        assertThat(broken.resolve("registry.db")).doesNotExist();
        assertThat(missing.waitFor()).isEqualTo(1);
        assertThat(new String(missing.getInputStream().readAllBytes())).as("standard output").isEmpty();
        assertThat(new String(missing.getErrorStream().readAllBytes())).startsWith("error: Cannot start: Config data"
                + " resource 'file [" + dir.resolve("nowhere.yml") + "]'").hasLineCount(1);
        assertThat(bannered.waitFor()).isZero();
        assertThat(new String(bannered.getInputStream().readAllBytes())).startsWith("[\n{\"id\":");
    }

    @Test
    void aRegistryConfiguredAsAnEmptyFileOrInMemoryIsRefusedRatherThanLoadedIntoATemporaryDatabase() {
        // as REGISTRY_DB= would, or an application.yml: a setting Spring reads, here a system property
        System.setProperty("registry.db", "");
        try {
            int exit = run("load", "data/asset_data.json");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).isEqualTo("error: Cannot open the registry: it names no file (is the setting"
                    + " registry.db, or REGISTRY_DB, set to nothing?), and SQLite would open a temporary database,"
                    + " losing what is loaded into it; name a registry file\n"); // not the URL made of the setting
            assertThat(out.toString()).isEmpty();
        } finally {
            System.clearProperty("registry.db");
        }
        err.getBuffer().setLength(0);
        assertThat(run("--db", "jdbc:sqlite:", "list")).isEqualTo(1); // a URL of the user's own: said as given
        assertThat(err.toString()).startsWith("error: Cannot open the registry: its JDBC URL jdbc:sqlite: names no"
                + " file, and SQLite would open a temporary database");
        assertThatThrownBy(() -> RegistryContext.requireAFile("jdbc:sqlite::memory:"))
                .hasMessageContaining("jdbc:sqlite::memory: opens a database in memory (:memory:), and SQLite")
                .hasMessageNotContaining("REGISTRY_DB");
        assertThatCode(() -> RegistryContext.requireAFile("jdbc:sqlite:r.db?journal_mode=WAL"))
                .doesNotThrowAnyException();
        assertThatCode(() -> RegistryContext.requireAFile("jdbc:postgresql://db/assets")).doesNotThrowAnyException();
    }

    @Test
    void aQueryOfARegistryFileThatDoesNotExistSaysSoAndCreatesNothing() throws IOException {
        Path typo = dir.resolve("regsitry.db");

        int exit = run("--db", typo.toString(), "list");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry " + typo + ": it does not exist (a"
                + " mistyped --db or REGISTRY_DB?); a load or an add creates it\n");
        assertThat(out.toString()).isEmpty();
        assertThat(typo).doesNotExist();
        // nor is one created for a version of an asset it could not hold
        err.getBuffer().setLength(0);
        Path v2 = Files.writeString(dir.resolve("v2.json"),
                "{\"department\": \"fx\", \"version\": 2, \"status\": \"active\"}");
        assertThat(run("--db", typo.toString(), "versions", "add", "hero", "prop", v2.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Cannot open the registry " + typo + ": it does not exist");
        assertThat(typo).doesNotExist();
        // the same when the environment names it, which the application reads
        err.getBuffer().setLength(0);
        System.setProperty("registry.db", typo.toString());
        try {
            assertThat(run("runs")).isEqualTo(1);
            assertThat(run("export")).isEqualTo(1);
        } finally {
            System.clearProperty("registry.db");
        }
        assertThat(err.toString()).isEqualTo(("error: Cannot open the registry " + typo + ": it does not exist (a"
                + " mistyped --db or REGISTRY_DB?); a load or an add creates it\n").repeat(2));
        assertThat(typo).doesNotExist();
    }

    @Test
    void aRegistryInMemoryByItsUrlParameterIsRefusedToo() {
        Path file = dir.resolve("x.db");

        int exit = run("--db", "jdbc:sqlite:file:" + file + "?mode=memory", "load", "data/asset_data.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot open the registry: its JDBC URL jdbc:sqlite:file:" + file
                + "?mode=memory opens a database in memory (mode=memory), and SQLite would open a temporary database,"
                + " losing what is loaded into it; name a registry file\n");
        assertThat(out.toString()).isEmpty();
        assertThatThrownBy(() -> RegistryContext.requireAFile("jdbc:sqlite:r.db?cache=shared&MODE=Memory"))
                .hasMessageContaining("in memory");
        assertThatCode(() -> RegistryContext.requireAFile("jdbc:sqlite:r.db?mode=rwc")).doesNotThrowAnyException();
    }

    @Test
    void dbOnTheCommandLineWinsOverAJdbcUrlInTheEnvironment() {
        // as SPRING_DATASOURCE_URL would, left in a shell or a container's environment
        Path other = dir.resolve("other.db");
        System.setProperty("spring.datasource.url", "jdbc:sqlite:" + other);
        try {
            int exit = run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");

            assertThat(exit).isZero();
            assertThat(out.toString()).startsWith("read 20, registered 17,");
        } finally {
            System.clearProperty("spring.datasource.url");
        }
        assertThat(other).doesNotExist();
        assertThat(versionsIn(Path.of(db()))).isEqualTo(17);
    }

    @Test
    void aJdbcUrlInRegistryDbIsTakenAsDbWouldTakeIt() {
        // as REGISTRY_DB=jdbc:sqlite:... would
        Path file = dir.resolve("by-url.db");
        System.setProperty("registry.db", "jdbc:sqlite:" + file);
        try {
            int exit = run("--reports", reports(), "load", "data/asset_data.json");

            assertThat(exit).isZero();
            assertThat(out.toString()).startsWith("read 20, registered 17,");
        } finally {
            System.clearProperty("registry.db");
        }
        assertThat(versionsIn(file)).isEqualTo(17);
    }

    @Test
    void theSettingsThatNameTheRegistry() {
        MockEnvironment none = new MockEnvironment();
        MockEnvironment fileUrl = new MockEnvironment().withProperty("registry.db", "jdbc:postgresql://db/a");
        MockEnvironment both = new MockEnvironment().withProperty("registry.db", "jdbc:postgresql://db/a")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/b");

        assertThat(RegistryContext.registrySettings(null, none)).isEmpty();
        assertThat(RegistryContext.registrySettings(null, new MockEnvironment().withProperty("registry.db", "r.db")))
                .isEmpty();
        assertThat(RegistryContext.registrySettings(null, fileUrl))
                .containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://db/a"));
        assertThat(RegistryContext.registrySettings(null, both)).isEmpty();
        assertThat(RegistryContext.registrySettings("jdbc:postgresql://db/c", both))
                .containsExactly(Map.entry("spring.datasource.url", "jdbc:postgresql://db/c"));
        assertThat(RegistryContext.registrySettings("r.db", both)).containsOnly(Map.entry("registry.db", "r.db"),
                Map.entry("spring.datasource.url", "${registry.sqlite-url}"));
    }

    @Test
    void aRulesFileWithAnUnknownKeyStopsStartUpWithOneLineAndExitCodeOne() throws IOException {
        Path rules = Files.writeString(dir.resolve("studio-rules.yml"), "model:\n  department: [modeling, lighting]\n");

        int exit = run("--db", db(), "--rules", rules.toString(), "load", "data/asset_data.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: " + rules
                + ":2: model.department: unknown key; model takes types, departments, statuses\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anEmptyRulesFileNameIsRefusedRatherThanLoadWithTheRulesInTheJar() {
        // a cron line's --rules "$RULES" with RULES unset: the studio's budget and names would silently not apply
        int exit = run("--db", db(), "--reports", reports(), "--rules", "", "load", "data/asset_data.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("error: Cannot read the rules file: its name is empty (--rules '', or an"
                + " empty registry.rules-file or REGISTRY_RULESFILE); name a file, or leave it out for the rules in"
                + " the jar\n");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void aRulesFileThatCannotBeUsedFailsAQueryTooThoughTheContextIsLazy() throws IOException {
        Path rules = Files.writeString(dir.resolve("typo.yml"), "rules:\n  status.unknwn: {enabled: false}\n");

        int exit = run("--db", db(), "--rules", rules.toString(), "get", "hero", "character");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: " + rules + ":2: rules.status.unknwn")
                .doesNotContain("Exception");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aLoadOverTheRejectBudgetPrintsItsSummaryAndAnErrorAndExitsWithFour() throws IOException {
        Path rules = Files.writeString(dir.resolve("strict.yml"), "max-reject-rate: 0.1\n");

        int exit = run("--db", db(), "--reports", reports(), "--rules", rules.toString(), "load",
                "data/asset_data.json");

        assertThat(exit).isEqualTo(4);
        assertThat(out.toString()).isEqualTo("read 20, registered 0, unchanged 0, rejected 3 "
                + "(status.unknown 2, version.sequence 1); report: " + dir.resolve("reports").resolve("1") + "/\n");
        assertThat(err.toString()).isEqualTo("error: The load of data/asset_data.json rejected 3 of 20 records (15%), "
                + "more than max-reject-rate 0.1 allows; nothing was registered\n");
        assertThat(dir.resolve("reports/1/summary.json")).content().contains("\"status\" : \"FAILED\"");
    }

    @Test
    void severalFilesExitWithTheWorstOutcomeAFailureBeforeALoadOverBudget() throws IOException {
        Path rules = Files.writeString(dir.resolve("strict.yml"), "max-reject-rate: 0.1\n");
        Path clean = Files.writeString(dir.resolve("clean.jsonl"), "{\"asset\": {\"name\": \"lamp\", \"type\": "
                + "\"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}\n");
        String[] global = {"--db", db(), "--reports", reports(), "--rules", rules.toString(), "load"};

        int overBudget = run(concat(global, clean.toString(), "data/asset_data.json"));
        assertThat(overBudget).isEqualTo(4);
        assertThat(out.toString().lines()).hasSize(2);
        int failed = run(concat(global, "--dry-run", "data/asset_data.json", dir.resolve("gone.json").toString()));

        assertThat(failed).isEqualTo(1);
        assertThat(out.toString().lines().toList().get(2)).startsWith("data/asset_data.json: dry run: would register "
                + "0 of 20 records read, unchanged 0, rejected 3 (status.unknown 2, version.sequence 1); nothing was "
                + "registered; report: ");
        assertThat(err.toString().lines()).containsExactly(
                "error: The load of data/asset_data.json rejected 3 of 20 records (15%), more than max-reject-rate 0.1 "
                        + "allows; nothing was registered",
                "error: The dry run of data/asset_data.json rejected 3 of 20 records (15%), more than "
                        + "max-reject-rate 0.1 allows; a load would register nothing",
                "error: Cannot load " + dir.resolve("gone.json") + ": no such file");
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    @Test
    void aFilterValueOfTheRulesFileOrOfTheRegistryIsKnownAndAnyOtherIsAUsageError() throws IOException {
        Path rules = Files.writeString(dir.resolve("studio.yml"), """
                model:
                  types: [creature, prop]
                  departments: [modeling, lighting]
                """);
        Path creature = Files.writeString(dir.resolve("creature.jsonl"), "{\"asset\": {\"name\": \"wolf\", \"type\": "
                + "\"creature\"}, \"department\": \"lighting\", \"version\": 1, \"status\": \"active\"}\n");
        assertThat(run("--db", db(), "--reports", reports(), "--rules", rules.toString(), "load",
                creature.toString())).isZero();

        assertThat(runAfresh("--db", db(), "--rules", rules.toString(), "list", "--type", "character")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: unknown type 'character': the types are creature, prop; see: ");
        assertThat(runAfresh("--db", db(), "--rules", rules.toString(), "list", "--type", "prop")).isZero();
        assertThat(out.toString()).isEqualTo("no asset matches\n");
        // without the rules file, the brief's model does not know them, but the registry holds them
        assertThat(runAfresh("--db", db(), "list", "--type", "creature")).isZero();
        assertThat(out.toString()).contains("wolf").contains("creature");
        assertThat(runAfresh("--db", db(), "versions", "list", "wolf", "creature", "--department", "lighting")).isZero();
        assertThat(out.toString()).contains("lighting");
        assertThat(runAfresh("--db", db(), "list", "--type", "critter")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: unknown type 'critter': the types are character, prop, set, ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void listsEveryRuleWithTheSettingsOfTheRulesFileAsAnAlignedTable() throws IOException {
        Path rules = Files.writeString(dir.resolve("studio.yml"), """
                model:
                  departments: [modeling, lighting]
                rules:
                  name.pattern: {severity: warning}
                  name.reserved: {enabled: false}
                """);

        int exit = run("--db", db(), "--rules", rules.toString(), "rules");

        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        String header = lines.get(0);
        assertThat(header).matches("ID +SEVERITY +ENABLED +DESCRIPTION");
        int severity = header.indexOf("SEVERITY");
        int enabled = header.indexOf("ENABLED");
        int description = header.indexOf("DESCRIPTION");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line.charAt(description - 1)).isEqualTo(' ');
            assertThat(line.charAt(description)).isNotEqualTo(' ');
            rows.put(line.substring(0, severity).trim(), List.of(line.substring(severity, enabled).trim(),
                    line.substring(enabled, description).trim(), line.substring(description)));
        }
        assertThat(rows.keySet()).startsWith("json.syntax", "record.too_large")
                .endsWith("asset.exists", "asset.versions")
                .contains("name.pattern", "name.reserved", "version.sequence");
        assertThat(rows.get("name.pattern").subList(0, 2)).containsExactly("warning", "yes");
        assertThat(rows.get("name.reserved").subList(0, 2)).containsExactly("error", "no");
        assertThat(rows.get("version.sequence").subList(0, 2)).containsExactly("error", "always");
        assertThat(rows.get("department.unknown").get(2)).isEqualTo("department is not one of modeling, lighting");
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithExitCodeTwo() {
        int exit = run("lod", "data/asset_data.json");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Unmatched arguments from index 0: 'lod', 'data/asset_data.json' "
                + "(did you mean 'load'?); see: asset-registry --help\n");
    }

    @Test
    void aMistypedOptionIsTheErrorEvenWhenItIsTheOnlyArgument() {
        // picocli says first that the file is missing, which the mistyped option took the place of
        assertThat(run("load", "--forc")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Unknown option: '--forc' (did you mean '--force'?); see:"
                + " asset-registry load --help\n");

        err.getBuffer().setLength(0);
        assertThat(run("load", "-night.json")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Unknown option: '-night.json'; a file whose name begins with - is"
                + " given as ./NAME, or after --; see: asset-registry load --help\n");

        err.getBuffer().setLength(0);
        assertThat(run("load", "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Missing required parameter: 'FILE'; see: asset-registry load"
                + " --help\n");
    }

    @Test
    void listingTheRulesNeitherCreatesNorNeedsARegistry() throws IOException {
        Path none = dir.resolve("none.db");
        Path notADatabase = Files.writeString(dir.resolve("text.db"), "not a database");

        assertThat(run("--db", none.toString(), "rules")).isZero();
        assertThat(out.toString()).startsWith("ID ").contains("version.sequence ");
        assertThat(none).as("a registry created to list the rules").doesNotExist();
        assertThat(run("--db", notADatabase.toString(), "rules", "--json")).as(err.toString()).isZero();
    }

    @Test
    void noCommandIsAOneLineUsageErrorNamingTheCommands() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Give a command: load, add, ").contains(", report, ")
                .endsWith("; see: asset-registry --help\n").hasLineCount(1);
        err.getBuffer().setLength(0);

        assertThat(run("versions")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Give a versions command: add, get, list; see: asset-registry"
                + " versions --help\n");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileNameThatIsNoPathIsAUsageErrorSayingWhy() {
        assertThat(run("load", "nightly\u0000.json")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: Invalid value for positional parameter at index 0..* (FILE): "
                + "'nightly\\u0000.json' is not a path: Nul character not allowed; see: asset-registry load --help\n");
    }

    @Test
    void loadWithoutAFileIsAUsageError() {
        assertThat(run("load")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error: Missing required parameter: 'FILE'").hasLineCount(1);
    }

    @Test
    void queriesARegistryTheCommandStartsItself() {
        run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");
        out.getBuffer().setLength(0);

        assertThat(run("--db", db(), "get", "hero", "character")).isZero();
        assertThat(run("list", "--db", db(), "--type", "vehicle", "--json")).isZero();
        assertThat(run("--db", db(), "get", "hero", "vehicle")).isEqualTo(3);

        assertThat(out.toString()).isEqualTo("""
                hero/character: 4 versions (4 active) in 1 department
                DEPARTMENT  VERSIONS  LATEST  STATUS
                modeling           4  v4      active
                [
                {"name":"villain","type":"vehicle","versions":1}
                ]
                """);
        assertThat(err.toString()).isEqualTo("error: hero/vehicle is not registered; look for it with: "
                + "asset-registry list --name-like 'hero*'\n");
    }

    @Test
    void aQueryReadsACurrentRegistryWithoutStartingSpring() {
        run("--db", db(), "--reports", reports(), "load", "data/asset_data.json");

        try (RegistryContext context = RegistryContext.startReading(new GlobalOptions(db(), null, false, null))) {
            assertThat(context.readsWithoutSpring()).isTrue();
            assertThat(context.queries().getAssetOverview("hero", "character"))
                    .hasValueSatisfying(hero -> assertThat(hero.versions()).isEqualTo(4));
            assertThat(context.queries().listRuns(5)).hasSize(1);
        }
    }

    @Test
    void aQueryLeavesARulesFileOrAJdbcUrlToTheApplication() {
        assertThat(RegistryContext.configuredByOptionsAlone(new GlobalOptions(db(), null, false, null))).isTrue();
        assertThat(RegistryContext.configuredByOptionsAlone(new GlobalOptions(null, null, true, null))).isTrue();
        assertThat(RegistryContext.configuredByOptionsAlone(
                new GlobalOptions(db(), null, false, Path.of("studio-rules.yml")))).isFalse();
        assertThat(RegistryContext.configuredByOptionsAlone(
                new GlobalOptions("jdbc:sqlite:" + db(), null, false, null))).isFalse();
    }

    @Test
    void aQueryOnARegistryWhoseSchemaIsBehindMigratesItFirst() {
        Flyway.configure().dataSource("jdbc:sqlite:" + db(), null, null).locations("classpath:db/migration/sqlite")
                .target("3").load().migrate();
        assertThat(AssetQueries.openReadOnly(Path.of(db()))).isEmpty();

        assertThat(run("--db", db(), "get", "hero", "character")).isEqualTo(3);

        assertThat(err.toString()).startsWith("error: hero/character is not registered");
        try (AssetQueries migrated = AssetQueries.openReadOnly(Path.of(db())).orElseThrow()) {
            assertThat(migrated.listAssets()).isEmpty();
        }
    }

    @Test
    void helpDescribesEveryCommandWithAnExampleAndStartsNoRegistry() {
        CommandLine commandLine = AssetRegistryCommand.commandLine(options -> {
            throw new AssertionError("help started a registry");
        });
        List<String> commands = new ArrayList<>();
        commandNames(commandLine, "", commands);
        commands.remove("generate-completion"); // picocli's own, whose example is how to use its output
        assertThat(commands).contains("load", "add", "get", "list", "versions", "versions add", "versions get",
                "versions list", "report", "runs", "export", "generate", "rules");

        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            out.getBuffer().setLength(0);
            assertThat(run(args.toArray(String[]::new))).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage: asset-registry " + command, "Example",
                    "  asset-registry ");
        }
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--db", "--reports", "--rules", "Exit codes: 0 success, 1 failure, "
                + "2 usage error, 3 not found, 4 a load over its\nreject budget.");
        out.getBuffer().setLength(0);
        assertThat(run("load", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes", "asset-registry load data/asset_data.json");
    }

    @Test
    void helpTextsAreWholeSentencesWhichPicocliWrapsToTheTerminal() {
        // picocli prints each line of a description or footer as a paragraph of its own, wrapped to the width, and
        // lists a command by its description's first line: a line broken by hand shows as a fragment
        CommandLine root = AssetRegistryCommand.commandLine(options -> {
            throw new AssertionError("help started a registry");
        });
        List<CommandLine> commands = new ArrayList<>(List.of(root));
        for (int i = 0; i < commands.size(); i++) {
            commands.get(i).getSubcommands().values().stream()
                    .filter(sub -> !sub.getCommandSpec().name().equals("generate-completion")) // picocli's own
                    .forEach(commands::add);
        }
        for (CommandLine command : commands) {
            var spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            assertThat(spec.usageMessage().description()[0]).as(name + ": its summary in the list").endsWith(".");
            requireWholeLines(name + " description", spec.usageMessage().description());
            requireWholeLines(name + " footer", spec.usageMessage().footer());
            spec.options().forEach(option -> requireWholeLines(name + " " + option.longestName(),
                    option.description()));
        }
    }

    /** Each line that another line of text follows ends a sentence; indented lines (examples) may be cut. */
    private static void requireWholeLines(String what, String[] lines) {
        for (int i = 0; i + 1 < lines.length; i++) {
            boolean text = !lines[i].isEmpty() && !lines[i].startsWith(" ");
            boolean textFollows = !lines[i + 1].isEmpty() && !lines[i + 1].startsWith(" ");
            if (text && textFollows) {
                assertThat(lines[i]).as(what + ", line " + (i + 1)).matches("(?s).*[.:;)]$");
            }
        }
    }

    @Test
    void printsTheVersionAndACompletionScript() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("asset-registry ").contains("Java 17");
        out.getBuffer().setLength(0);

        assertThat(run("generate-completion", "--help")).isZero();
        assertThat(out.toString()).contains("source <(asset-registry generate-completion)");
        out.getBuffer().setLength(0);
        assertThat(run("generate-completion")).isZero();
        assertThat(out.toString()).contains("complete -F _complete_asset-registry", "versions", "--name-like");
    }

    private static void commandNames(CommandLine commandLine, String prefix, List<String> names) {
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(prefix + name);
                commandNames(sub, prefix + name + " ", names);
            }
        });
    }

    /** Runs the command line with the output of the commands before it cleared. */
    private int runAfresh(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return run(args);
    }

    private int run(String... args) {
        CommandLine commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static int versionsIn(Path registry) {
        try (AssetQueries queries = AssetQueries.openReadOnly(registry).orElseThrow()) {
            return queries.listAssets().stream()
                    .mapToInt(asset -> queries.listAssetVersions(asset.name(), asset.type()).size()).sum();
        }
    }

    private String db() {
        return dir.resolve("registry.db").toString();
    }

    private String reports() {
        return dir.resolve("reports").toString();
    }
}
