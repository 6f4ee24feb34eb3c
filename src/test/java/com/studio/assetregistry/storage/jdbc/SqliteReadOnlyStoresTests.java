package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;

/** Opening a registry read-only without Spring: only a real SQLite file whose schema Flyway made current. */
class SqliteReadOnlyStoresTests {

    @TempDir
    Path dir;

    @Test
    void readsARegistryWhoseSchemaIsCurrent() throws SQLException {
        Path db = migrated("registry.db", null);
        // written as the load store writes them (JdbcAssetStoreTests does the same)
        execute(db, "INSERT INTO asset_row (id, name, type) VALUES (1, 'hero', 'character')",
                "INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                        + "VALUES (1, 'modeling', 1, 'active', 1), (1, 'modeling', 2, 'inactive', 1)");

        Optional<SqliteReadOnlyStores> opened = SqliteReadOnlyStores.open(db);

        assertThat(opened).isPresent();
        try (SqliteReadOnlyStores stores = opened.get()) {
            assertThat(stores.assets().listVersions(new AssetKey("hero", "character"))).containsExactly(
                    new AssetVersion("modeling", 1, "active"), new AssetVersion("modeling", 2, "inactive"));
            assertThat(stores.assets().listAssets(AssetFilter.ALL, null, 10))
                    .containsExactly(new AssetListing("hero", "character", 2));
            assertThat(stores.loads().recentRuns(5)).isEmpty();
        }
    }

    @Test
    void cannotWriteThroughItsConnection() {
        Path db = migrated("registry.db", null);

        try (SqliteReadOnlyStores stores = SqliteReadOnlyStores.open(db).orElseThrow()) {
            assertThatThrownBy(() -> stores.loads().startRun("api", "test", 0, Instant.now()))
                    .isInstanceOf(DataAccessException.class).hasMessageContaining("readonly");
        }
    }

    @Test
    void opensNothingWhenTheSchemaIsBehindTheJarsMigrations() {
        assertThat(SqliteReadOnlyStores.open(migrated("old.db", "3"))).isEmpty();
    }

    @Test
    void opensNothingWhenAMigrationFailed() throws SQLException {
        Path db = migrated("failed.db", null);
        execute(db, "UPDATE flyway_schema_history SET success = 0 WHERE installed_rank = "
                + "(SELECT MAX(installed_rank) FROM flyway_schema_history)");

        assertThat(SqliteReadOnlyStores.open(db)).isEmpty();
    }

    @Test
    void opensNothingForAMissingFileAnEmptyDatabaseOrAFileThatIsNotADatabase() throws IOException, SQLException {
        assertThat(SqliteReadOnlyStores.open(dir.resolve("missing.db"))).isEmpty();
        assertThat(dir.resolve("missing.db")).doesNotExist();
        Path empty = dir.resolve("empty.db");
        execute(empty, "CREATE TABLE t (x INTEGER)");
        assertThat(SqliteReadOnlyStores.open(empty)).isEmpty();
        assertThat(SqliteReadOnlyStores.open(Files.writeString(dir.resolve("notes.txt"), "not a database"))).isEmpty();
        assertThat(SqliteReadOnlyStores.open(dir)).isEmpty();
    }

    @Test
    void findsTheNewestMigrationTheJarShips() throws IOException {
        String newest;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            newest = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V[0-9._]+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .max(Comparator.comparing(MigrationVersion::fromVersion)).orElseThrow();
        }

        assertThat(SqliteReadOnlyStores.newestMigration()).contains(MigrationVersion.fromVersion(newest));
    }

    /** A registry file migrated by Flyway, as the application does, up to {@code target} (null: every migration). */
    private Path migrated(String name, String target) {
        Path db = dir.resolve(name);
        var flyway = Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null)
                .locations("classpath:db/migration/sqlite");
        if (target != null) {
            flyway.target(target);
        }
        flyway.load().migrate();
        return db;
    }

    private static void execute(Path db, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
