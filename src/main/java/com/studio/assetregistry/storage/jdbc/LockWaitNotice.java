package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.storage.RegistryLockWait;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConnection;

/**
 * A SQLite data source whose connections, when another writer holds the lock they need, wait as SQLite's busy
 * timeout would (the connection's {@code busy_timeout}, with SQLite's own steps between tries) and, once they have
 * waited {@code notice}, say so once per wait ({@link RegistryLockWait}): a command must not sit silent through a
 * wait of half a minute, nor a server's log. Any statement, in a transaction or not, waits this way.
 * <p>
 * Why a handler of our own: SQLite's busy timeout tells no one that it waits, and sqlite-jdbc offers no other hook
 * than {@link BusyHandler}, which takes the timeout's place on the connection.
 */
final class LockWaitNotice extends DelegatingDataSource {

    /** SQLite's own steps between two tries, in milliseconds (sqliteDefaultBusyCallback), then its last. */
    private static final int[] DELAYS = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};

    private final Duration notice;
    private final Consumer<RegistryLockWait> waiting;
    /** The physical connections that have their handler: a pool hands each out many times. */
    private final Set<SQLiteConnection> handled = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    LockWaitNotice(DataSource dataSource, Duration notice, Consumer<RegistryLockWait> waiting) {
        super(dataSource);
        this.notice = Objects.requireNonNull(notice, "The notice must not be null.");
        this.waiting = Objects.requireNonNull(waiting, "The listener must not be null.");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return handled(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return handled(super.getConnection(username, password));
    }

    private Connection handled(Connection connection) throws SQLException {
        if (connection.isWrapperFor(SQLiteConnection.class)) {
            SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
            if (handled.add(sqlite)) {
                BusyHandler.setHandler(sqlite, new Handler(sqlite.getBusyTimeout(), notice.toMillis(), waiting));
            }
        }
        return connection;
    }

    /** One connection's handler: called by SQLite, on the thread using the connection, while the lock is held. */
    private static final class Handler extends BusyHandler {

        private final long timeoutMillis;
        private final long noticeMillis;
        private final Consumer<RegistryLockWait> waiting;
        private long began;
        private boolean noticed;

        Handler(long timeoutMillis, long noticeMillis, Consumer<RegistryLockWait> waiting) {
            this.timeoutMillis = timeoutMillis;
            this.noticeMillis = noticeMillis;
            this.waiting = waiting;
        }

        /** Another try after a pause, until the timeout: 1 to try again, 0 to give up with SQLITE_BUSY. */
        @Override
        protected int callback(int tries) {
            long now = System.nanoTime();
            if (tries == 0) {
                began = now;
                noticed = false;
            }
            long waited = (now - began) / 1_000_000;
            if (waited >= timeoutMillis) {
                return 0;
            }
            if (!noticed && noticeMillis > 0 && waited >= noticeMillis) {
                noticed = true;
                try {
                    waiting.accept(new RegistryLockWait(Duration.ofMillis(waited),
                            Duration.ofMillis(timeoutMillis - waited)));
                } catch (RuntimeException e) { // a listener's failure is not the statement's: it waits on
                }
            }
            try {
                Thread.sleep(Math.min(DELAYS[Math.min(tries, DELAYS.length - 1)], timeoutMillis - waited));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
            return 1;
        }
    }
}
