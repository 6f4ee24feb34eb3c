package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.EmbeddedPostgresServer;
import com.studio.assetregistry.cli.AssetRegistryCommand;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LoadRestartTests} on PostgreSQL: a load killed with SIGKILL while it stages, and again while it registers,
 * resumes from its last commit and ends exactly as an uninterrupted load, because the JobRepository's restart state
 * commits with each chunk's records in the same PostgreSQL database. The killed loads run in child JVMs.
 */
class PostgresLoadRestartTests {

    private static final int RECORDS = 60_000;

    @TempDir
    static Path dir;
    private static Path file;
    private static String clean;
    private static String crash;

    @BeforeAll
    static void generateFileAndDatabases() throws IOException {
        file = dir.resolve("nightly.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(RECORDS, 0.05, 23, true), out);
        }
        clean = EmbeddedPostgresServer.createDatabase("restart_clean");
        crash = EmbeddedPostgresServer.createDatabase("restart_crash");
    }

    @Test
    void aLoadKilledTwiceAndResumedEndsExactlyAsAnUninterruptedLoad() throws Exception {
        // given: the outcome of an uninterrupted load
        Result uninterrupted = cli("--db", clean, "--reports", reports("clean"), "load", "--progress", "none",
                file.toString());
        assertThat(uninterrupted.exit()).as(uninterrupted.out()).isZero();
        Path cleanExport = dir.resolve("clean-export.json");
        assertThat(cli("--db", clean, "export", cleanExport.toString()).exit()).isZero();

        // when: killed while it stages, resumed and killed while it registers, then resumed to the end
        killWhen(stageCommits -> stageCommits >= 2, "stageRecordsStep");
        assertThat(query("SELECT COUNT(*) FROM asset_version_row")).as("records written before the first kill")
                .isGreaterThan(0);
        killWhen(running -> running == 1, "resolveRecordsStep");
        Result resumed = cli("--db", crash, "--reports", reports("crash"), "load", "--progress", "none",
                file.toString());

        // then
        assertThat(resumed.exit()).as(resumed.out()).isZero();
        assertThat(resumed.out()).isEqualTo(uninterrupted.out().replace(reports("clean"), reports("crash")));
        assertThat(query("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("one job instance, three executions")
                .isEqualTo(3);
        Path crashExport = dir.resolve("crash-export.json");
        assertThat(cli("--db", crash, "export", crashExport.toString()).exit()).isZero();
        assertThat(Files.readString(crashExport)).isEqualTo(Files.readString(cleanExport));
        assertThat(Files.readString(Path.of(reports("crash"), "1", "rejects.jsonl")))
                .isEqualTo(Files.readString(Path.of(reports("clean"), "1", "rejects.jsonl")));
    }

    /**
     * Starts the load in a child JVM and kills it with SIGKILL once the step's progress, read from the database the
     * child writes, meets the condition: commit count for the staging step, 1 while it runs for the others.
     */
    private void killWhen(Predicate<Long> condition, String step) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.studio.assetregistry.cli.Main",
                "--db", crash, "--reports", reports("crash"), "load", file.toString())
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
        } catch (SQLException notYet) { // the child has not created its tables yet
            return -1;
        }
    }

    private static long query(String sql, Object... args) throws SQLException {
        try (Connection db = DriverManager.getConnection(crash);
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

    private static Result cli(String... args) {
        var out = new StringWriter();
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));
        return new Result(commandLine.execute(args), out.toString());
    }

    private static String reports(String name) {
        return dir.resolve(name + "-reports").toString();
    }
}
