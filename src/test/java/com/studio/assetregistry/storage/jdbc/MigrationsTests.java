package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The schema migrations are kept per database, in {@code db/migration/{vendor}}: every database gets the same
 * versions, and no migration is left where Flyway does not look.
 */
class MigrationsTests {

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void everyDatabaseHasTheSameMigrations() throws IOException {
        List<String> sqlite = migrations("sqlite");

        assertThat(sqlite).isNotEmpty().contains("V1__registry.sql");
        assertThat(migrations("postgresql")).as("PostgreSQL's migrations beside SQLite's").isEqualTo(sqlite);
    }

    @Test
    void noMigrationLiesOutsideTheDatabaseFolders() throws IOException {
        assertThat(Arrays.stream(resources.getResources("classpath*:db/migration/*.sql")).map(Resource::getFilename))
                .as("migrations Flyway would never run: move them to db/migration/sqlite and db/migration/postgresql")
                .isEmpty();
    }

    private List<String> migrations(String vendor) throws IOException {
        return Arrays.stream(resources.getResources("classpath*:db/migration/" + vendor + "/*.sql"))
                .map(Resource::getFilename).filter(Objects::nonNull).sorted().toList();
    }
}
