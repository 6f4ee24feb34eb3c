package com.studio.assetregistry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class DatabaseFailuresTests {

    @Test
    void aDatabaseThatCannotBeConnectedToOrDroppedTheConnectionIsUnreachable() {
        // the pool's wait ran out on a failed connection attempt, as Hikari says it, wrapped as Spring wraps it
        var poolGaveUp = new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
                new SQLException("Connection to localhost:5432 refused", "08001"));
        assertThat(DatabaseFailures.unreachable(new CannotGetJdbcConnectionException("no connection", poolGaveUp)))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection due to administrator"
                + " command", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLNonTransientConnectionException("closed"))))
                .isTrue();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aPoolWithEveryConnectionBusyOrAStatementTheDatabaseRefusedIsNotUnreachable() {
        assertThat(DatabaseFailures.unreachable(new SQLTransientConnectionException("HikariPool-1 - Connection is not"
                + " available, request timed out after 30000ms"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new DataIntegrityViolationException("duplicate",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.unreachable(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.unreachable(new SQLiteException("locked", SQLiteErrorCode.SQLITE_BUSY))).isFalse();
    }

    @Test
    void aLockHeldByAnotherWriterIsSQLiteBusyInAnyOfItsFormsOrSpringsWordForIt() {
        assertThat(DatabaseFailures.lockedOut(new RuntimeException(new SQLiteException("locked",
                SQLiteErrorCode.SQLITE_BUSY)))).isTrue();
        assertThat(DatabaseFailures.lockedOut(new SQLiteException("snapshot", SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT)))
                .isTrue();
        assertThat(DatabaseFailures.lockedOut(new PessimisticLockingFailureException("lock"))).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNotALock() {
        assertThat(DatabaseFailures.lockedOut(new SQLiteException("constraint", SQLiteErrorCode.SQLITE_CONSTRAINT)))
                .isFalse();
        assertThat(DatabaseFailures.lockedOut(new SQLException("another driver's code 5", "HY000", 5))).isFalse();
        assertThat(DatabaseFailures.lockedOut(new DataIntegrityViolationException("duplicate"))).isFalse();
    }
}
