package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's transactions on SQLite end without taking the write lock for the next one: another process may
 * take it the moment a transaction ends, and hold it as long as it likes, without failing the transaction that ended.
 */
class SqliteTransactionManagerTests extends RegistryIntegrationTest {

    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private ApplicationContext context;

    /** Other processes' connections, each holding the write lock until the test ends. */
    private final List<Connection> others = new ArrayList<>();

    @AfterEach
    void releaseTheLock() {
        for (Connection other : others) {
            try (other; Statement statement = other.createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
        others.clear();
    }

    @Test
    void anotherProcessTakesTheWriteLockTheMomentACommitEndsAndTheCommitStands() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    takeTheWriteLock();
                }
            });
        });

        assertThat(others).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM asset_row WHERE name = 'hero'")).isOne();
    }

    @Test
    void anotherProcessTakesTheWriteLockTheMomentARollbackEndsAndTheRollbackStands() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            jdbc.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')");
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    takeTheWriteLock();
                }
            });
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the work failed");

        assertThat(others).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM asset_row")).isZero();
    }

    @Test
    void aTransactionBeginsByTakingTheWriteLockAndOneThatCannotLeavesItsConnectionReadyForTheNext()
            throws SQLException {
        // one connection, handed out as it is left: no pool to reset it
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + WORK_DIR.resolve("registry.db")
                + "?journal_mode=WAL&busy_timeout=100")) {
            var single = new SingleConnectionDataSource(connection, true);
            var transactions = new TransactionTemplate(new SqliteTransactionManager(single));
            var onePool = new JdbcTemplate(single);
            takeTheWriteLock();

            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                throw new AssertionError("began while another process held the write lock");
            })).rootCause().hasMessageContaining("SQLITE_BUSY");

            releaseTheLock();
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                onePool.update("INSERT INTO asset_row (name, type) VALUES ('hero', 'character')");
                throw new IllegalStateException("the work failed");
            })).hasMessage("the work failed");
            assertThat(count("SELECT COUNT(*) FROM asset_row")).as("rows of the transaction rolled back").isZero();
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void itIsTheOnlyTransactionManagerSoSpringBatchCommitsThroughItToo() {
        assertThat(context.getBeansOfType(PlatformTransactionManager.class)).containsOnlyKeys("transactionManager")
                .extractingByKey("transactionManager").isInstanceOf(SqliteTransactionManager.class);
    }

    @Test
    void aReadOnlyTransactionLeavesTheWriteLockToOthers() {
        var readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);

        readOnly.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT COUNT(*) FROM asset_row", Long.class);
            takeTheWriteLock();
        });

        assertThat(others).hasSize(1);
    }

    /** What another process does: takes the write lock at once, or fails. */
    private void takeTheWriteLock() {
        try {
            Connection other = DriverManager.getConnection("jdbc:sqlite:" + WORK_DIR.resolve("registry.db"));
            try (Statement statement = other.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                other.close();
                throw e;
            }
            others.add(other);
        } catch (SQLException e) {
            throw new AssertionError("another process could not take the write lock: " + e.getMessage(), e);
        }
    }
}
