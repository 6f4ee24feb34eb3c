package com.studio.assetregistry.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** {@link LoadRestartContract} on SQLite: a registry file of 200,000 records, killed twice. */
class LoadRestartTests extends LoadRestartContract {

    LoadRestartTests() {
        super(200_000);
    }

    @Override
    String newRegistry(String name) {
        return dir.resolve(name + ".db").toString();
    }

    @Override
    Connection connect(String db) throws SQLException {
        if (!Files.exists(Path.of(db))) {
            throw new SQLException("no database yet");
        }
        return DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
    }
}
