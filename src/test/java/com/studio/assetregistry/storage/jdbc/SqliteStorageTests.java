package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

        /** SQLite leaves the versions' reference to their asset unchecked; the check after every test catches it. */
        @Test
        void aVersionWithoutItsAssetIsCaughtByTheCheckAfterEachTest() {
            jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                    + "VALUES (999, 'fx', 1, 'active', 0)");

            assertThatThrownBy(this::everyVersionHasItsAsset).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("999");
            jdbc.update("DELETE FROM asset_version_row");
        }
    }
}
