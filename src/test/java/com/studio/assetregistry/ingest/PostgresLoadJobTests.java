package com.studio.assetregistry.ingest;

import com.studio.assetregistry.PostgresRegistry;
import org.junit.jupiter.api.Nested;

/**
 * The load job's functional tests again, with the registry and the JobRepository on PostgreSQL: the same files give
 * the same counts, rows and report lines as on SQLite.
 */
@PostgresRegistry
class PostgresLoadJobTests {

    @Nested
    class Job extends AssetLoadJobFunctionalTests {
    }
}
