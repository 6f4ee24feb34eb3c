package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.storage.AssetStoreContract;
import com.studio.assetregistry.storage.LoadStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The storage contract on SQLite: a real file in a temporary directory. */
class SqliteStorageTests {

    @Nested
    class Assets extends AssetStoreContract {
    }

    @Nested
    class Loads extends LoadStoreContract {
    }

    @Nested
    class Schema extends JdbcSchemaContract {
    }

    @Nested
    class JdbcLoads extends JdbcLoadStoreContract {
    }

    @Nested
    class Database extends RegistryIntegrationTest {

        @Test
        void theRegistryIsOnSqlite() {
            assertThat(SqlDialect.of(jdbc)).isEqualTo(SqlDialect.SQLITE);
        }
    }
}
