package com.studio.assetregistry.storage;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.springframework.dao.PessimisticLockingFailureException;

/**
 * What a failure of the registry's database was, told from the driver's and the connection pool's exceptions
 * anywhere in its chain of causes: for the loader, which keeps a run resumable when the database went away, and for
 * the REST API, which answers either with a 503.
 */
public final class DatabaseFailures {

    /** SQLite's primary result code for a lock it could not get. */
    private static final int SQLITE_BUSY = 5;

    private DatabaseFailures() {
    }

    /**
     * Whether the database could not be reached: the pool's wait for a connection ran out on a failure to connect (a
     * server stopped, a network cut), or the server refused, broke or closed the connection in use (SQL state class
     * 08, connection exception, or 57P, operator intervention). Not a pool whose connections are all busy, nor a lock
     * held past the busy timeout: the database is there.
     */
    public static boolean unreachable(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .anyMatch(t -> t instanceof SQLTransientConnectionException timedOut
                        && timedOut.getCause() instanceof SQLException // not a pool whose connections are all busy
                        || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                        || t instanceof SQLException sql && sql.getSQLState() != null
                                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")));
    }

    /** Whether another writer's lock kept the database from answering: Spring's word for it, or SQLite's SQLITE_BUSY. */
    public static boolean lockedOut(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .anyMatch(t -> t instanceof PessimisticLockingFailureException
                        || t instanceof SQLException sql && sql.getClass().getName().startsWith("org.sqlite.")
                                && (sql.getErrorCode() & 0xFF) == SQLITE_BUSY);
    }
}
