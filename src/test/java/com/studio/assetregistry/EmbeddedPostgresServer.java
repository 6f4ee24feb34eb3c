package com.studio.assetregistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

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

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL server: " + e.getMessage(), e);
        }
    }
}
