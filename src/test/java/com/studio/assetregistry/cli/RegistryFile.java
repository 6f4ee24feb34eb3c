package com.studio.assetregistry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A registry file that a child JVM loads into, read from the test's side while it does. */
final class RegistryFile {

    private RegistryFile() {
    }

    /** How many chunks the load's staging step has committed; 0 before the child has made its tables. */
    static long stageCommits(Path db) throws SQLException {
        try {
            return query(db, "SELECT COALESCE(MAX(COMMIT_COUNT), 0) FROM BATCH_STEP_EXECUTION "
                    + "WHERE STEP_NAME = 'stageRecordsStep'");
        } catch (SQLException notYet) { // the child has not created the database or its tables yet
            return 0;
        }
    }

    /** The first column of the first row of {@code sql}, or 0 for no row. */
    static long query(Path db, String sql) throws SQLException {
        if (!Files.exists(db)) {
            throw new SQLException("no database yet");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db + "?busy_timeout=5000");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
