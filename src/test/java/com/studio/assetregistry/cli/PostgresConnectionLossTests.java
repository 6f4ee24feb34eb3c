package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.EmbeddedPostgresServer;
import com.studio.assetregistry.generate.AssetDataGenerator;
import com.studio.assetregistry.generate.ExpectedOutcome;
import com.studio.assetregistry.generate.GeneratorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The database going away in the middle of a load (a PostgreSQL server stopped, a network cut) fails the load with
 * one line that says so and how to go on, and the same load, once the database is back, resumes it to the outcome of
 * an uninterrupted load.
 */
class PostgresConnectionLossTests {

    /** Hikari waits 30 s for a connection by default, at each of the several writes that record the failure. */
    private static final String CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout";
    private static final String DATABASE = "lost_mid_load";

    @TempDir
    Path dir;

    @AfterEach
    void restore() throws SQLException {
        System.clearProperty(CONNECTION_TIMEOUT);
        admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
    }

    @Test
    void aLoadWhoseDatabaseGoesAwayFailsInOneLineAndResumesOnceItIsBack() throws Exception {
        String db = EmbeddedPostgresServer.createDatabase(DATABASE);
        Path file = dir.resolve("nightly.jsonl");
        ExpectedOutcome expected;
        try (var out = Files.newBufferedWriter(file)) {
            expected = new AssetDataGenerator().generate(new GeneratorOptions(60_000, 0.05, 23, true), out);
        }
        System.setProperty(CONNECTION_TIMEOUT, "1000");
        String reports = dir.resolve("reports").toString();
        var err = new StringWriter();
        CompletableFuture<Integer> load = CompletableFuture.supplyAsync(
                () -> run(new StringWriter(), err, "--db", db, "--reports", reports, "load", file.toString()));

        awaitRecordsWritten(db, load);
        admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");

        assertThat(load.get(2, TimeUnit.MINUTES)).as(err.toString()).isEqualTo(1);
        assertThat(err.toString().lines().filter(line -> !line.startsWith("loading ")))
                .singleElement().asString()
                .startsWith("error: The load of " + file + " failed: the database cannot be reached (")
                .endsWith("); once it is back, load the same file again to resume it from its last commit")
                .doesNotContain("\tat ");

        admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        var out = new StringWriter();
        int resumed = run(out, new StringWriter(), "--db", db, "--reports", reports, "load", file.toString());

        assertThat(resumed).isZero();
        assertThat(out.toString()).isEqualTo(expected.summaryLine() + "; report: " + Path.of(reports, "1") + "/\n");
        assertThat(count(db, "SELECT COUNT(*) FROM asset_version_row")).isEqualTo(expected.registered());
    }

    /** Waits until the load has written records of its run, which it then has still to register. */
    private static void awaitRecordsWritten(String db, CompletableFuture<Integer> load) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline) && !load.isDone()) {
            try {
                if (count(db, "SELECT COUNT(*) FROM asset_version_row") > 0) {
                    return;
                }
            } catch (SQLException notYet) { // its tables are not there yet
            }
            Thread.sleep(20);
        }
        throw new AssertionError("The load ended before its database could be taken away: " + load.get());
    }

    private static long count(String db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
