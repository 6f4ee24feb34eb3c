package com.studio.assetregistry.ingest;

import com.studio.assetregistry.EmbeddedPostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@link LoadRestartContract} on PostgreSQL: the JobRepository's restart state commits with each chunk's records in
 * the same PostgreSQL database. A smaller file than on SQLite, as the embedded server shares the test machine.
 */
class PostgresLoadRestartTests extends LoadRestartContract {

    PostgresLoadRestartTests() {
        super(60_000);
    }

    @Override
    String newRegistry(String name) {
        return EmbeddedPostgresServer.createDatabase("restart_" + name);
    }

    @Override
    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(db);
    }
}
