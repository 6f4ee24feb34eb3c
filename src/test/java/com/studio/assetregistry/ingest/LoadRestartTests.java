package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load killed with SIGKILL (as by {@code kill -9} or a power cut) and started again resumes where its last commit
 * left it, and ends with exactly the registry and the report of a load that was never interrupted. The killed loads
 * run in child JVMs, as a user's would.
 */
class LoadRestartTests {

    private static final int RECORDS = 200_000;

    @TempDir
    static Path dir;
    private static Path file;

    @BeforeAll
    static void generateFile() throws IOException {
        file = dir.resolve("nightly.jsonl");
        try (var out = Files.newBufferedWriter(file)) {
            new AssetDataGenerator().generate(new GeneratorOptions(RECORDS, 0.05, 17, true), out);
        }
    }

    @Test
    void aLoadKilledTwiceAndResumedEndsExactlyAsAnUninterruptedLoad() throws Exception {
        // given: the outcome of an uninterrupted load
        Result clean = cli("--db", db("clean"), "--reports", reports("clean"), "load", file.toString());
        assertThat(clean.exit()).isZero();
        Path cleanExport = dir.resolve("clean-export.json");
        assertThat(cli("--db", db("clean"), "export", cleanExport.toString()).exit()).isZero();

        // when: a load is killed while it reads, resumed and killed again while it registers, then resumed to the end
        killWhen(stageCommits -> stageCommits >= 3, "stageRecordsStep");
        assertThat(pendingRecords()).as("records written, pending, before the first kill").isGreaterThan(0);
        killWhen(running -> running == 1, "resolveRecordsStep");
        Result resumed = cli("--db", db("crash"), "--reports", reports("crash"), "load", file.toString());

        // then
        assertThat(resumed.exit()).isZero();
        assertThat(resumed.out()).isEqualTo(clean.out().replace(reports("clean"), reports("crash")));
        assertThat(jobExecutions()).as("one job instance, three executions").isEqualTo(3);
        Path crashExport = dir.resolve("crash-export.json");
        assertThat(cli("--db", db("crash"), "export", crashExport.toString()).exit()).isZero();
        assertThat(Files.readString(crashExport)).isEqualTo(Files.readString(cleanExport));
        assertThat(Files.readString(Path.of(reports("crash"), "1", "rejects.jsonl")))
                .isEqualTo(Files.readString(Path.of(reports("clean"), "1", "rejects.jsonl")));
    }

    /**
     * Starts the load in a child JVM and kills it with SIGKILL once the step's progress, read from the database the
     * child writes, meets the condition: commit count for the reading step, 1 while it runs for the others.
     */
    private void killWhen(Predicate<Long> condition, String step) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "com.studio.assetregistry.cli.Main",
                "--db", db("crash"), "--reports", reports("crash"), "load", file.toString())
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

    private long pendingRecords() throws SQLException {
        return query("SELECT COUNT(*) FROM asset_version_row");
    }

    private long jobExecutions() throws SQLException {
        return query("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
    }

    private long query(String sql, Object... args) throws SQLException {
        if (!Files.exists(Path.of(db("crash")))) {
            throw new SQLException("no database yet");
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + db("crash") + "?busy_timeout=5000");
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

    private static String db(String name) {
        return dir.resolve(name + ".db").toString();
    }

    private static String reports(String name) {
        return dir.resolve(name + "-reports").toString();
    }
}
