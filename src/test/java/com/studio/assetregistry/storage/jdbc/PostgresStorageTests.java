package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.PostgresRegistry;
import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.storage.AssetStoreContract;
import com.studio.assetregistry.storage.LoadStoreContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The storage contract on PostgreSQL: a real server, chosen by the data source URL alone. */
@PostgresRegistry
class PostgresStorageTests {

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
        void theRegistryIsOnPostgreSql() {
            assertThat(SqlDialect.of(jdbc)).isEqualTo(SqlDialect.POSTGRESQL);
        }

        @Test
        void refusesAVersionOfAnAssetThatIsNotRegistered() {
            assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, "
                    + "status, run_id) VALUES (999, 'cfx', 1, 'active', 0)"))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }
}
