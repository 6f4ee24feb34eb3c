package com.studio.assetregistry.ingest;

import com.studio.assetregistry.PostgresRegistry;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.springframework.util.FileSystemUtils;

/**
 * The load job's functional tests again, with the registry and the JobRepository on PostgreSQL: the same files give
 * the same counts, rows and report lines as on SQLite.
 */
@PostgresRegistry
class PostgresLoadJobTests {

    @Nested
    class Job extends AssetLoadJobFunctionalTests {

        /**
         * The SQLite and PostgreSQL registries of the test JVM number their runs apart but share one reports
         * directory, so a report of one can stand where a test expects the other's next run to write.
         */
        @BeforeEach
        void emptyReports() throws IOException {
            FileSystemUtils.deleteRecursively(WORK_DIR.resolve("reports"));
        }
    }
}
