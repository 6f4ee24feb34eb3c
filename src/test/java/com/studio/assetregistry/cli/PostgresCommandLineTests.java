package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --db} picks the database by its value alone: a {@code jdbc:postgresql:} URL puts the registry on a real
 * PostgreSQL server, a path on SQLite, and what one exports the other loads into the same registry.
 */
class PostgresCommandLineTests {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void loadsIntoPostgreSqlAndExportsWhatSqliteReloadsExactly() throws IOException {
        String postgres = EmbeddedPostgresServer.createDatabase("cli_registry");
        Path fromPostgres = dir.resolve("from-postgres.json");
        Path fromSqlite = dir.resolve("from-sqlite.json");

        int load = run("--db", postgres, "--reports", reports(), "load", "data/asset_data.json");

        assertThat(load).isZero();
        assertThat(out.toString()).isEqualTo("read 20, registered 17, unchanged 0, rejected 3 "
                + "(status.unknown 2, version.sequence 1); report: " + dir.resolve("reports").resolve("1") + "/\n");
        assertThat(run("--db", postgres, "export", fromPostgres.toString())).isZero();
        String sqlite = dir.resolve("copy.db").toString();
        assertThat(run("--db", sqlite, "--reports", dir.resolve("copy-reports").toString(), "load",
                fromPostgres.toString())).isZero();
        assertThat(run("--db", sqlite, "export", fromSqlite.toString())).isZero();
        assertThat(Files.readString(fromSqlite)).isEqualTo(Files.readString(fromPostgres));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aServerThatCannotBeReachedIsOneLineAndExitCodeOne() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/registry?connectTimeout=2";

        int exit = run("--db", url, "list");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Cannot open the registry " + url + ": ")
                .doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aPasswordInTheUrlIsNotPrintedWhenTheServerCannotBeReached() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/registry?user=loader&password=s3cret&connectTimeout=2";

        int exit = run("--db", url, "list");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Cannot open the registry jdbc:postgresql://localhost:"
                + closedPort + "/registry?user=loader&password=***&connectTimeout=2: ").doesNotContain("s3cret");
    }

    private int run(String... args) {
        CommandLine commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private String reports() {
        return dir.resolve("reports").toString();
    }
}
