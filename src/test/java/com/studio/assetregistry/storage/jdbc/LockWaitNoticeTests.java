package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.storage.RegistryLockWait;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A statement that waits for another process's lock waits as SQLite's busy timeout would, and says so once it has
 * waited the notice: in a transaction or not, on a real SQLite file locked by another connection.
 */
class LockWaitNoticeTests {

    private static final Duration NOTICE = Duration.ofMillis(200);

    @TempDir
    Path dir;

    private final List<RegistryLockWait> waits = new CopyOnWriteArrayList<>();
    private String file;

    @BeforeEach
    void createTheDatabase() throws SQLException {
        file = dir.resolve("registry.db").toString();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file + "?journal_mode=WAL");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE asset_row (name TEXT)");
        }
    }

    @Test
    void aStatementWaitingPastTheNoticeSaysSoOnceAndGoesOnWhenTheLockIsFree() throws Exception {
        try (Connection other = lockedByAnotherProcess(); Connection connection = noticing(5_000).getConnection();
             Statement insert = connection.createStatement()) {
            CompletableFuture<Void> released = releaseOnceNoticed(other);

            insert.execute("INSERT INTO asset_row VALUES ('hero')"); // auto-commit: no transaction manager about

            released.get(10, TimeUnit.SECONDS);
            assertThat(waits).singleElement().satisfies(wait -> {
                assertThat(wait.waited()).isGreaterThanOrEqualTo(NOTICE).isLessThan(Duration.ofSeconds(2));
                assertThat(wait.waited().plus(wait.more())).isEqualTo(Duration.ofMillis(5_000));
            });
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement count = connection.createStatement()) {
            assertThat(count.executeQuery("SELECT COUNT(*) FROM asset_row").getInt(1)).isOne();
        }
    }

    @Test
    void aStatementGivesUpAtTheBusyTimeoutAsSqliteWould() throws SQLException {
        try (Connection other = lockedByAnotherProcess(); Connection connection = noticing(700).getConnection();
             Statement begin = connection.createStatement()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> begin.execute("BEGIN IMMEDIATE")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQLITE_BUSY");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(700))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(waits).as("said once, however long the wait").hasSize(1);
        }
    }

    @Test
    void aShortWaitOrNoneSaysNothing() throws SQLException {
        try (Connection connection = noticing(5_000).getConnection(); Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO asset_row VALUES ('hero')");
        }
        try (Connection other = lockedByAnotherProcess(); Connection connection = noticing(100).getConnection();
             Statement begin = connection.createStatement()) {
            assertThatThrownBy(() -> begin.execute("BEGIN IMMEDIATE")).hasMessageContaining("SQLITE_BUSY");
        }

        assertThat(waits).as("a timeout below the notice").isEmpty();
    }

    /** A data source of connections whose busy timeout is {@code timeoutMillis}, noticing waits into {@link #waits}. */
    private LockWaitNotice noticing(int timeoutMillis) {
        return new LockWaitNotice(new DriverManagerDataSource("jdbc:sqlite:" + file + "?busy_timeout="
                + timeoutMillis), NOTICE, waits::add);
    }

    /** What another process does: holds the write lock until released. */
    private Connection lockedByAnotherProcess() throws SQLException {
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = other.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        return other;
    }

    private CompletableFuture<Void> releaseOnceNoticed(Connection other) {
        return CompletableFuture.runAsync(() -> {
            try (Statement statement = other.createStatement()) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (waits.isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(10);
                }
                statement.execute("ROLLBACK");
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
