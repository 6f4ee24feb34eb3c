package com.studio.assetregistry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that need the whole application on a real SQLite file. Every subclass shares one application
 * context and one database file (created once per test JVM in a temporary directory), so the context starts once;
 * each test starts from an empty registry.
 */
@SpringBootTest
public abstract class RegistryIntegrationTest {

    /** The temporary directory holding the test database and the run reports. */
    protected static final Path WORK_DIR = createWorkDir();

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        registry.add("registry.db", () -> WORK_DIR.resolve("registry.db").toString());
        registry.add("registry.load.reports-dir", () -> WORK_DIR.resolve("reports").toString());
    }

    @BeforeEach
    protected void emptyRegistry() {
        for (String table : new String[] {"reject_violation", "reject", "warning_violation", "warning",
                "staged_version", "run_gap", "run_group", "asset_version_row", "asset_row", "load_run"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /**
     * The reference of every version to its asset holds after every test. SQLite does not enforce it (see the data
     * source's URL), so this is what catches a change that writes a version without its asset, or removes an asset
     * that still has versions.
     */
    @AfterEach
    protected void everyVersionHasItsAsset() {
        assertThat(jdbc.queryForList("""
                SELECT v.asset_id FROM asset_version_row v
                WHERE NOT EXISTS (SELECT 1 FROM asset_row a WHERE a.id = v.asset_id)""", Long.class))
                .as("asset ids of versions whose asset is gone").isEmpty();
    }

    /** A file in the work directory with this content. */
    protected static Path file(String name, String content) {
        try {
            return Files.writeString(WORK_DIR.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rows a query counts. */
    protected long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }

    private static Path createWorkDir() {
        try {
            Path dir = Files.createTempDirectory("asset-registry-test");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
