package com.studio.assetregistry.storage.jdbc;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What the JDBC stores do differently on each database they run on, all in one place: everything else is SQL that
 * SQLite and PostgreSQL both understand ({@code ON CONFLICT DO NOTHING}, {@code RETURNING}, row values, common
 * table expressions), and the schemas themselves are Flyway migrations per vendor ({@code db/migration/{vendor}}). A new
 * database is one more constant here, one more migration folder, and a run of the storage contract tests.
 */
enum SqlDialect {

    /**
     * SQLite: a file has one writer at a time, so a registration never runs beside another. {@code LIKE} ignores the
     * case of ASCII letters.
     */
    SQLITE("LIKE", false, true, true) {
        @Override
        void lockRegistration(JdbcTemplate jdbc) {
            // SQLite's own write lock serialises registrations
        }

        @Override
        void knowTheVersionsTable(JdbcTemplate jdbc, long written) {
            // SQLite plans without statistics, unless ANALYZE was run: none is
        }
    },

    /**
     * PostgreSQL: several hosts may load at once, so registrations take turns on a transaction-scoped advisory lock
     * (see {@link #lockRegistration}). {@code ILIKE} on the schema's "C"-collated columns ignores the case of ASCII
     * letters, as SQLite's {@code LIKE} does.
     */
    POSTGRESQL("ILIKE", true, false, false) {
        @Override
        void lockRegistration(JdbcTemplate jdbc) {
            jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, REGISTRATION_LOCK);
        }

        @Override
        void knowTheVersionsTable(JdbcTemplate jdbc, long written) {
            Double rows = jdbc.queryForObject(
                    "SELECT reltuples::float8 FROM pg_class WHERE oid = 'asset_version_row'::regclass", Double.class);
            if (rows == null || rows < written) {
                jdbc.execute("ANALYZE asset_version_row, asset_row");
            }
        }
    };

    /** The advisory lock key of registration: any constant no other application on the database uses. */
    static final long REGISTRATION_LOCK = 0x61737365745f7265L; // "asset_re"

    private final String caseInsensitiveLike;
    private final boolean streamsInTransactionOnly;
    private final boolean countsEachBatchedRow;
    private final boolean writesOneAtATime;

    SqlDialect(String caseInsensitiveLike, boolean streamsInTransactionOnly, boolean countsEachBatchedRow,
               boolean writesOneAtATime) {
        this.caseInsensitiveLike = caseInsensitiveLike;
        this.streamsInTransactionOnly = streamsInTransactionOnly;
        this.countsEachBatchedRow = countsEachBatchedRow;
        this.writesOneAtATime = writesOneAtATime;
    }

    /** The LIKE operator that ignores the case of ASCII letters. */
    String caseInsensitiveLike() {
        return caseInsensitiveLike;
    }

    /**
     * Whether a query streams its rows (a few at a time, {@code spring.jdbc.template.fetch-size}) only inside a
     * transaction. PostgreSQL's driver reads a whole result into memory otherwise; SQLite always steps through it, and
     * a long read is better outside a transaction there, where every transaction takes the file's write lock.
     */
    boolean streamsInTransactionOnly() {
        return streamsInTransactionOnly;
    }

    /**
     * Whether a JDBC batch of one-row inserts reports, row by row, whether each wrote its row. SQLite's driver runs
     * each row and counts it. PostgreSQL's sends the batch as multi-row inserts ({@code reWriteBatchedInserts}) and
     * reports {@link java.sql.Statement#SUCCESS_NO_INFO}, so a write that must know which rows it skipped says so
     * itself, with {@code RETURNING}.
     */
    boolean countsEachBatchedRow() {
        return countsEachBatchedRow;
    }

    /**
     * Whether a transaction that writes keeps every other writer out until it ends, as SQLite's lock on the file does
     * (its transactions begin {@code IMMEDIATE}): what such a transaction reads stays true until it commits, unless it
     * changes it itself. PostgreSQL's writers run side by side.
     */
    boolean writesOneAtATime() {
        return writesOneAtATime;
    }

    /**
     * Waits until this transaction is the only one registering versions, and keeps it so until the transaction ends.
     * Registration reads the registry (what is registered, the highest version per asset and department), decides,
     * and writes: two registrations interleaved could both see version 3 missing and both register it, or leave a gap.
     * Taking turns makes every registration see all that the ones before it committed. Must run inside a transaction,
     * before the registration's first read.
     */
    abstract void lockRegistration(JdbcTemplate jdbc);

    /**
     * Makes sure the planner knows the versions table holds at least the {@code written} rows a run is about to
     * resolve. PostgreSQL plans from statistics that autovacuum takes now and then: taken after a load was abandoned
     * (its rows deleted), they say the table is all but empty, and the resolution's statements, planned as nested
     * loops over it, then took minutes for a load of a few thousand records instead of a second. So the tables are
     * analyzed when the statistics count fewer rows than the run wrote: a sample of 30,000 rows, well under a second
     * (the registry's user owns its tables, as it created them).
     */
    abstract void knowTheVersionsTable(JdbcTemplate jdbc, long written);

    /** The dialect of the database behind {@code jdbc}. */
    static SqlDialect of(JdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            throw new IllegalArgumentException("The JdbcTemplate must have a data source.");
        }
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database the registry is on: " + e.getMessage(), e);
        }
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> SQLITE;
            case "postgresql" -> POSTGRESQL;
            default -> throw new IllegalStateException("The registry runs on SQLite or PostgreSQL, not on " + product
                    + ".");
        };
    }
}
