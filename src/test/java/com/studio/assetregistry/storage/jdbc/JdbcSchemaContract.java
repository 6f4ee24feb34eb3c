package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * What every SQL database the JDBC stores run on must hold to: the schema enforces the model's uniqueness rules with
 * constraints, so the database refuses a duplicate even if a bug let one through, and reports it as Spring's
 * {@link DataIntegrityViolationException}. Run on each database by {@link SqliteStorageTests} and
 * {@link PostgresStorageTests}. The versions' reference to their asset is enforced by PostgreSQL only (see
 * {@link PostgresStorageTests}); on SQLite the check after every test on the test registry
 * ({@link com.studio.assetregistry.RegistryIntegrationTest#everyVersionHasItsAsset}) stands in for it.
 */
abstract class JdbcSchemaContract extends RegistryIntegrationTest {

    private long heroId;

    @BeforeEach
    void aHero() {
        jdbc.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')");
        heroId = count("SELECT id FROM asset WHERE name = 'hero' AND type = 'character'");
        jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                + "VALUES (?, 'modeling', 1, 'active', 0)", heroId);
    }

    @Test
    void refusesASecondAssetWithTheSameNameAndType() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(count("SELECT COUNT(*) FROM asset")).isEqualTo(1);
    }

    @Test
    void refusesADuplicateVersionAndAVersionBelowOne() {
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row VALUES (?, 'modeling', 1, 'inactive', 0, 0)",
                heroId)).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO asset_version_row VALUES (?, 'cfx', 0, 'active', 0, 0)",
                heroId)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void neverReusesARunId() {
        long first = count("INSERT INTO load_run (kind, source, started_at, status) "
                + "VALUES ('load', 'a', 'now', 'RUNNING') RETURNING id");
        jdbc.update("DELETE FROM load_run WHERE id = ?", first);

        long second = count("INSERT INTO load_run (kind, source, started_at, status) "
                + "VALUES ('load', 'b', 'now', 'RUNNING') RETURNING id");

        assertThat(second).isGreaterThan(first);
    }
}
