package com.studio.assetregistry.inbox;

import java.sql.SQLException;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * Translates the SQL errors of ShedLock's statements on its lock table. ShedLock tells "the lock row is already
 * there" from a real failure by a {@link DuplicateKeyException} alone; SQLite reports every broken constraint with one
 * error code, 19 ({@code SQLITE_CONSTRAINT}), which our {@code sql-error-codes.xml} maps to the broader
 * {@code DataIntegrityViolationException}, and ShedLock would then log an error and fail to lock. On the lock table
 * the only constraint ShedLock's insert can break is the primary key (it sets every column), so there code 19 is a
 * duplicate key. Anything else, and every other database (PostgreSQL's 23505 already translates to a duplicate key),
 * is left to the usual translation.
 */
final class LockTableExceptionTranslator implements SQLExceptionTranslator {

    private static final int SQLITE_CONSTRAINT = 19;

    private final SQLExceptionTranslator usual;

    LockTableExceptionTranslator(SQLExceptionTranslator usual) {
        this.usual = Objects.requireNonNull(usual, "The usual exception translator must not be null.");
    }

    @Override
    public DataAccessException translate(String task, String sql, SQLException ex) {
        if (ex.getErrorCode() == SQLITE_CONSTRAINT && ex.getClass().getName().startsWith("org.sqlite.")) {
            return new DuplicateKeyException(task + ": " + ex.getMessage(), ex);
        }
        return usual.translate(task, sql, ex);
    }
}
