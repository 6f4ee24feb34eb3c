package com.studio.assetregistry.ingest;

import com.studio.assetregistry.PostgresRegistry;
import org.junit.jupiter.api.Nested;

/** Concurrent loads on each database the registry runs on. */
class ConcurrentLoadsTests {

    @Nested
    class OnSqlite extends ConcurrentLoadsContract {
    }

    @Nested
    @PostgresRegistry
    class OnPostgres extends ConcurrentLoadsContract {
    }
}
