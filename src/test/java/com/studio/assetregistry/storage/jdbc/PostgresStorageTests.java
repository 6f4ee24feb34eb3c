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
        void analyzesTheVersionsTableOnlyWhenItsStatisticsCountFewerRowsThanARunWrote() {
            Long asset = jdbc.queryForObject(
                    "INSERT INTO asset_row (name, type, run_id) VALUES ('stats', 'prop', 0) RETURNING id", Long.class);
            jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                    + "SELECT ?, 'fx', g, 'active', 0 FROM generate_series(1, 200) g", asset);
            long rows = count("SELECT COUNT(*) FROM asset_version_row");

            SqlDialect.POSTGRESQL.knowTheVersionsTable(jdbc, Long.MAX_VALUE);

            assertThat(statisticsRows()).as("analyzed: a small table is counted whole").isEqualTo(rows);
            jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                    + "SELECT ?, 'fx', g, 'active', 0 FROM generate_series(201, 300) g", asset);

            SqlDialect.POSTGRESQL.knowTheVersionsTable(jdbc, 1);

            assertThat(statisticsRows()).as("not analyzed again: they count more than the run wrote").isEqualTo(rows);
        }

        private long statisticsRows() {
            return Math.round(jdbc.queryForObject(
                    "SELECT reltuples::float8 FROM pg_class WHERE oid = 'asset_version_row'::regclass", Double.class));
        }

        @Test
        void refusesAVersionOfAnAssetThatIsNotRegistered() {
            assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, "
                    + "status, run_id) VALUES (999, 'cfx', 1, 'active', 0)"))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }
}
