package com.studio.assetregistry.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.sqlite.SQLiteConnection;

/**
 * Spring's JDBC transaction manager, whose SQLite transactions that may write begin {@code IMMEDIATE}: they take the
 * write lock first, so a writer waits its turn (the busy timeout) before it has done anything, instead of failing with
 * {@code SQLITE_BUSY} when another writer commits between its first read and its first write (a load and an API add
 * at once, or Spring Batch's repository, which reads then writes). Read-only transactions, and every other database's,
 * begin as {@link JdbcTransactionManager}'s do.
 * <p>
 * Why not sqlite-jdbc's own {@code transaction_mode=IMMEDIATE}: outside auto-commit, the driver begins the next
 * transaction as soon as {@code commit()} or {@code rollback()} has ended one, and in that mode the begin waits for the
 * write lock. When another process took the lock in between and held it past the busy timeout (a {@code sqlite3}
 * shell in {@code BEGIN EXCLUSIVE}, say), {@code commit()} threw that begin's {@code SQLITE_BUSY}: a load whose
 * registration had committed was reported failed, and Spring's rollback of the "failed" commit failed in turn
 * ("cannot rollback - no transaction is active"). And a begin that timed out left the pooled connection believing it
 * was in a transaction that SQLite had not begun, so the next transaction on it ran each statement on its own. Here
 * the driver's begins are {@code DEFERRED} (they take no lock, and never wait), and this manager upgrades a new
 * transaction's: a {@code BEGIN IMMEDIATE} that times out leaves the connection in auto-commit, driver and SQLite
 * agreeing, whatever the pool does with it.
 */
public class SqliteTransactionManager extends JdbcTransactionManager {

    public SqliteTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (!definition.isReadOnly() && connection.isWrapperFor(SQLiteConnection.class)) {
            beginImmediate(connection);
        }
    }

    /**
     * Replaces the driver's deferred begin, which has taken no lock yet, by one that takes the write lock. One that
     * cannot (the lock held past the busy timeout) leaves the connection in auto-commit, as it was before the
     * transaction, for Spring releases it as it is: the driver then agrees with SQLite that no transaction is open.
     */
    private static void beginImmediate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
            try {
                statement.execute("BEGIN IMMEDIATE");
            } catch (SQLException busy) {
                try {
                    statement.execute("BEGIN"); // what the driver believes is open, for it to end with auto-commit
                    connection.setAutoCommit(true);
                } catch (SQLException again) {
                    busy.addSuppressed(again);
                }
                throw busy;
            }
        }
    }
}
