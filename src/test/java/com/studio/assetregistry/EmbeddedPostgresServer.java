package com.studio.assetregistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL 17 server of the test JVM: started on first use on a free port, shared by every test that needs
 * one, stopped when the JVM exits (by the library's shutdown hook). It runs with fsync off: fine for tests, not for
 * figures (the benchmark starts a durable server of its own).
 */
public final class EmbeddedPostgresServer {

    private static final EmbeddedPostgres SERVER = start();

    private EmbeddedPostgresServer() {
    }

    /** The JDBC URL of the server's {@code postgres} database, as a user would give it to {@code --db}. */
    public static String jdbcUrl() {
        return SERVER.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A new, empty database on the server, for a test that needs one of its own, and its JDBC URL. The name must be a
     * plain SQL identifier.
     */
    public static String createDatabase(String name) {
        try (Connection connection = SERVER.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name + ": " + e.getMessage(), e);
        }
        return SERVER.getJdbcUrl("postgres", name);
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }
}
