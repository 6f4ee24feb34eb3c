package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.LoadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.sqlite.SQLiteConfig;

/**
 * The registry's stores over an existing SQLite file opened read-only, on one connection, without Spring: what a
 * command that only reads needs, at a fraction of the start-up cost of the application context.
 * <p>
 * It opens nothing unless the file's schema is exactly the newest one the jar ships, as Flyway's history table in the
 * file records it (every migration applied, none failed): a file from an older release, or one that is not a registry,
 * is for the application, whose Flyway migrates it or says what is wrong. It does not verify the migrations'
 * checksums, as Flyway's validation would. The stores' write methods fail: the connection is read-only.
 * <p>
 * Not thread-safe: one command reads through it, then closes it.
 */
public final class SqliteReadOnlyStores implements AutoCloseable {

    /** Where Flyway finds SQLite's migrations in the jar. */
    private static final String MIGRATION_DIR = "db/migration/sqlite/";
    private static final String MIGRATIONS = "classpath:" + MIGRATION_DIR + "V*__*.sql";
    private static final Pattern MIGRATION_VERSION = Pattern.compile("V([0-9][0-9._]*)__.*\\.sql");
    private static final int BUSY_TIMEOUT_MILLIS = 30_000;

    private final Connection connection;
    private final AssetStore assets;
    private final LoadStore loads;

    private SqliteReadOnlyStores(Connection connection) {
        this.connection = connection;
        var dataSource = new SingleConnectionDataSource(connection, true);
        var jdbc = new JdbcTemplate(dataSource);
        this.assets = new JdbcAssetStore(jdbc, new DataSourceTransactionManager(dataSource));
        this.loads = new JdbcLoadStore(jdbc);
    }

    /**
     * Opens {@code file} read-only if it is a registry whose schema is current.
     *
     * @return the stores, or empty if the file does not exist, cannot be opened, or its schema is not the jar's newest
     */
    public static Optional<SqliteReadOnlyStores> open(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Optional<MigrationVersion> newest = newestMigration();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        Connection connection = null;
        try {
            var config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
            connection = config.createConnection(SqliteUrl.PREFIX + file);
            if (newest.equals(appliedSchema(connection))) {
                return Optional.of(new SqliteReadOnlyStores(connection));
            }
        } catch (SQLException e) {
            // not a registry, no history table, locked: the application's start-up will say what is wrong
        }
        closeQuietly(connection);
        return Optional.empty();
    }

    /** The newest version among the jar's migrations, or empty if none is found. */
    static Optional<MigrationVersion> newestMigration() {
        MigrationVersion newest = null;
        for (String fileName : migrationFileNames()) {
            Matcher name = MIGRATION_VERSION.matcher(fileName);
            if (name.matches()) {
                MigrationVersion version = MigrationVersion.fromVersion(name.group(1));
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * The file names of the migrations, read from the directory or the plain jar that holds this class, which takes
     * a few milliseconds where Spring's pattern resolver takes a tenth of a second on a small machine; from the
     * resolver when the jar is nested in another, as {@code java -jar} runs it.
     */
    private static List<String> migrationFileNames() {
        try {
            URL location = SqliteReadOnlyStores.class.getProtectionDomain().getCodeSource().getLocation();
            if ("file".equals(location.getProtocol())) {
                Path classes = Path.of(location.toURI());
                return Files.isDirectory(classes) ? namesIn(classes.resolve(MIGRATION_DIR)) : namesInJar(classes);
            }
            List<String> names = new ArrayList<>();
            for (Resource migration : new PathMatchingResourcePatternResolver(
                    SqliteReadOnlyStores.class.getClassLoader()).getResources(MIGRATIONS)) {
                names.add(String.valueOf(migration.getFilename()));
            }
            return names;
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("Cannot list the schema migrations: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private static List<String> namesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static List<String> namesInJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            return file.stream().map(JarEntry::getName).filter(name -> name.startsWith(MIGRATION_DIR))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1)).toList();
        }
    }

    /** The newest migration applied to the file, or empty if one failed; throws if there is no history. */
    private static Optional<MigrationVersion> appliedSchema(Connection connection) throws SQLException {
        MigrationVersion newest = null;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return Optional.empty();
                }
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString("version"));
                newest = newest == null || version.compareTo(newest) > 0 ? version : newest;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** Reads the registry's assets and versions. */
    public AssetStore assets() {
        return assets;
    }

    /** Reads the registry's runs. */
    public LoadStore loads() {
        return loads;
    }

    /** Closes the connection. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // a read-only connection has nothing to lose
        }
    }
}
