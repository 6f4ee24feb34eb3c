package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.cli.AssetRegistryCommand;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.util.FileSystemUtils;

/**
 * A load killed with SIGKILL (as by {@code kill -9} or a power cut) while it reads, and again while it registers,
 * resumes where its last commit left it, and ends with exactly the registry and the report of a load that was never
 * interrupted: the JobRepository's restart state commits with each chunk's records, in the registry's database. The
 * killed loads run in child JVMs, as a user's would. Run on each database by a subclass that says how to name and
 * reach a registry on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LoadRestartContract {

    /** Where the file, the registries (on SQLite) and the reports are; gone when the class's test is. */
    Path dir;
    private Path file;
    private String clean;
    private String crash;

    private final int records;

    /** A contract that loads a generated file of {@code records} records, 5% of them broken. */
    LoadRestartContract(int records) {
        this.records = records;
    }

    /** The {@code --db} value of a new, empty registry called {@code name}; {@code dir} is there to hold it. */
    abstract String newRegistry(String name);

    /** A connection to the registry {@code db} names; an {@link SQLException} while it does not exist yet. */
    abstract Connection connect(String db) throws SQLException;

    @BeforeAll
    void generateFileAndRegistries() throws IOException {
        dir = Files.createTempDirectory("load-restart");
        file = dir.resolve("nightly.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(records, 0.05, 17, true), out);
        }
        clean = newRegistry("clean");
        crash = newRegistry("crash");
    }

    @AfterAll
    void removeFiles() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    @Test
    void aLoadKilledTwiceAndResumedEndsExactlyAsAnUninterruptedLoad() throws Exception {
        // given: the outcome of an uninterrupted load
        Result uninterrupted = cli("--db", clean, "--reports", reports("clean"), "load", file.toString());
        assertThat(uninterrupted.exit()).as(uninterrupted.out()).isZero();
        Path cleanExport = dir.resolve("clean-export.json");
        assertThat(cli("--db", clean, "export", cleanExport.toString()).exit()).isZero();

        // when: a load is killed while it reads, resumed and killed again while it registers, then resumed to the end
        killWhen(stageCommits -> stageCommits >= 2, "stageRecordsStep");
        assertThat(query("SELECT COUNT(*) FROM asset_version_row")).as("records written, pending, before the kill")
                .isGreaterThan(0);
        Result runs = cli("--db", crash, "runs", "--json");
        assertThat(runs.out()).as("the run whose process is gone").contains("\"status\":\"INTERRUPTED\"")
                .doesNotContain("RUNNING");
        assertThat(query("SELECT read_count FROM load_run")).as("the records its committed chunks read")
                .isPositive()
                .isEqualTo(query("SELECT MAX(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?",
                        "stageRecordsStep"));
        killWhen(running -> running == 1, "resolveRecordsStep");
        Result resumed = cli("--db", crash, "--reports", reports("crash"), "load", file.toString());

        // then
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(resumed.out()).isEqualTo(uninterrupted.out().replace(reports("clean"), reports("crash")));
        assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("one job instance, three executions")
                .isEqualTo(3);
        Path crashExport = dir.resolve("crash-export.json");
        assertThat(cli("--db", crash, "export", crashExport.toString()).exit()).isZero();
        assertThat(Files.readString(crashExport)).isEqualTo(Files.readString(cleanExport));
        assertThat(query("SELECT COUNT(*) FROM asset_version_row v "
                + "WHERE NOT EXISTS (SELECT 1 FROM asset_row a WHERE a.id = v.asset_id)"))
                .as("versions whose asset is gone, which the export would not show").isZero();
        assertThat(Files.readString(Path.of(reports("crash"), "1", "rejects.jsonl")))
                .isEqualTo(Files.readString(Path.of(reports("clean"), "1", "rejects.jsonl")));
    }

    /**
     * Starts the load in a child JVM and kills it with SIGKILL once the step's progress, read from the database the
     * child writes, meets the condition: commit count for the reading step, 1 while it runs for the others.
     */
    private void killWhen(Predicate<Long> condition, String step) throws Exception {
        Process child = new ProcessBuilder(ChildJvm.command("--db", crash, "--reports", reports("crash"), "load",
                file.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        try {
            while (Instant.now().isBefore(deadline) && child.isAlive()) {
                if (condition.test(progress(step))) {
                    child.destroyForcibly().waitFor();
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("The child load ended before it could be killed during " + step + ": "
                    + Files.readString(dir.resolve("child.log")));
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    private long progress(String step) {
        String sql = step.equals("stageRecordsStep")
                ? "SELECT MAX(COMMIT_COUNT) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ?"
                : "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = ? AND STATUS = 'STARTED'";
        try {
            return query(sql, step);
        } catch (SQLException notYet) { // the child has not created the database or its tables yet
            return -1;
        }
    }

    /** The first column of the first row of a query on the interrupted registry, 0 if there is no row. */
    private long query(String sql, Object... args) throws SQLException {
        try (Connection db = connect(crash);
             var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private record Result(int exit, String out) {
    }

    /** Runs a command; its result holds standard output, and standard error after it (progress lines apart). */
    private static Result cli(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        String errors = err.toString().lines().filter(line -> !line.startsWith("loading "))
                .map(line -> line + "\n").collect(Collectors.joining());
        return new Result(exit, out + errors);
    }

    private String reports(String name) {
        return dir.resolve(name + "-reports").toString();
    }
}
