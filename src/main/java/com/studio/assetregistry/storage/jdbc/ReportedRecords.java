package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.LoadStore.RuleTally;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.Warning;
import com.studio.assetregistry.validation.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The records a run reports: its rejects and its records with warnings, each kept as one row with its text and one
 * row per rule it broke, written in the chunk that read them and read back in record order, by page, or counted by
 * rule. Thread-safe.
 */
final class ReportedRecords {

    private final JdbcTemplate jdbc;

    ReportedRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a chunk's rejects, each with every rule it broke. */
    void reject(long runId, List<Reject> rejects) {
        insert(Reported.REJECTS, runId, rejects.stream()
                .map(reject -> new ReportedRow(reject.position(), reject.violations(), reject.recordJson()))
                .toList());
    }

    /** Keeps a chunk's records that broke a warning's rule. */
    void warn(long runId, List<Warning> warnings) {
        insert(Reported.WARNINGS, runId, warnings.stream()
                .map(warning -> new ReportedRow(warning.position(), warning.violations(), warning.recordJson()))
                .toList());
    }

    private void insert(Reported tables, long runId, List<ReportedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO " + tables.records + " (run_id, record_number, line, col, record) "
                + "VALUES (?, ?, ?, ?, ?)", rows, JdbcLoadStore.BATCH_SIZE, (ps, row) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, row.position().recordNumber());
                    ps.setLong(3, row.position().line());
                    ps.setLong(4, row.position().column());
                    ps.setString(5, row.recordJson());
                });
        List<NumberedViolation> violations = new ArrayList<>(rows.size() * 2);
        for (ReportedRow row : rows) {
            int ordinal = 0;
            for (Violation violation : row.violations()) {
                violations.add(new NumberedViolation(row.position().recordNumber(), ordinal++, violation));
            }
        }
        jdbc.batchUpdate("INSERT INTO " + tables.violations + " (run_id, record_number, ordinal, rule, field, message) "
                + "VALUES (?, ?, ?, ?, ?, ?)", violations, JdbcLoadStore.BATCH_SIZE, (ps, numbered) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, numbered.recordNumber());
                    ps.setInt(3, numbered.ordinal());
                    ps.setString(4, numbered.violation().rule());
                    ps.setString(5, numbered.violation().field());
                    ps.setString(6, numbered.violation().message());
                });
    }

    /** One violation of a reported record, the {@code ordinal}-th of those it broke. */
    private record NumberedViolation(long recordNumber, int ordinal, Violation violation) {
    }

    /** The run's rejects in record order; PostgreSQL streams them through a cursor in the caller's transaction. */
    void forEachReject(long runId, Consumer<Reject> action) {
        forEach(Reported.REJECTS, runId,
                row -> action.accept(new Reject(row.position(), row.violations(), row.recordJson())));
    }

    /** As {@link #forEachReject}, for the records with warnings. */
    void forEachWarning(long runId, Consumer<Warning> action) {
        forEach(Reported.WARNINGS, runId,
                row -> action.accept(new Warning(row.position(), row.violations(), row.recordJson())));
    }

    private void forEach(Reported tables, long runId, Consumer<ReportedRow> action) {
        var grouper = new ViolationGrouper(action);
        // Ordered by the violations' columns, which are their primary key's: SQLite walks that key in order. By the
        // records' record_number, equal as it is, it sorted every reject's row, text and all, in a temporary B-tree
        // (up to the page cache's 64 MiB in memory before spilling to disk).
        jdbc.query("SELECT r.record_number, r.line, r.col, r.record, v.rule, v.field, v.message FROM "
                + tables.records + " r JOIN " + tables.violations + " v"
                + " ON v.run_id = r.run_id AND v.record_number = r.record_number"
                + " WHERE r.run_id = ? ORDER BY v.record_number, v.ordinal", grouper, runId);
        grouper.flush();
    }

    /** A page of the run's rejects, as {@link LoadStore#rejects} has it. */
    List<Reject> rejects(long runId, String rule, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The page size must be 1 or more, got " + limit + ".");
        }
        if (SearchText.holdsNul(rule)) {
            return List.of();
        }
        // The page's records first (the primary key from the cursor on), then every rule each one broke.
        String ofRule = rule == null ? "" : " AND EXISTS (SELECT 1 FROM reject_violation x WHERE x.run_id = r.run_id"
                + " AND x.record_number = r.record_number AND x.rule = ?)";
        String sql = "SELECT p.record_number, p.line, p.col, p.record, v.rule, v.field, v.message FROM ("
                + "SELECT r.record_number, r.line, r.col, r.record FROM reject r"
                + " WHERE r.run_id = ? AND r.record_number > ?" + ofRule + " ORDER BY r.record_number LIMIT ?) p"
                + " JOIN reject_violation v ON v.run_id = ? AND v.record_number = p.record_number"
                + " ORDER BY p.record_number, v.ordinal";
        Object[] args = rule == null ? new Object[] {runId, after, limit, runId}
                : new Object[] {runId, after, rule, limit, runId};
        List<Reject> page = new ArrayList<>(limit);
        var grouper = new ViolationGrouper(row -> page.add(new Reject(row.position(), row.violations(),
                row.recordJson())));
        jdbc.query(sql, grouper, args);
        grouper.flush();
        return page;
    }

    /** The two tables that keep one kind of reported record: the records, and every rule each one broke. */
    private enum Reported {
        REJECTS("reject", "reject_violation"),
        WARNINGS("warning", "warning_violation");

        private final String records;
        private final String violations;

        Reported(String records, String violations) {
            this.records = records;
            this.violations = violations;
        }
    }

    /** A reported record as its tables keep it: a reject or a warning. */
    private record ReportedRow(RecordPosition position, List<Violation> violations, String recordJson) {
    }

    /** Folds the rows of one record's violations back into one {@link ReportedRow}. */
    private static final class ViolationGrouper implements RowCallbackHandler {

        private final Consumer<ReportedRow> action;
        private RecordPosition position;
        private String record;
        private final List<Violation> violations = new ArrayList<>();

        ViolationGrouper(Consumer<ReportedRow> action) {
            this.action = action;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            long recordNumber = rs.getLong("record_number");
            if (position != null && position.recordNumber() != recordNumber) {
                flush();
            }
            if (position == null) {
                position = new RecordPosition(recordNumber, rs.getLong("line"), rs.getLong("col"), 0, 0);
                record = rs.getString("record");
            }
            violations.add(new Violation(rs.getString("rule"), rs.getString("field"), rs.getString("message")));
        }

        void flush() {
            if (position != null) {
                action.accept(new ReportedRow(position, List.copyOf(violations), record));
                position = null;
                violations.clear();
            }
        }
    }

    RuleTally rejectTally(long runId) {
        return tally(Reported.REJECTS, runId);
    }

    RuleTally warningTally(long runId) {
        return tally(Reported.WARNINGS, runId);
    }

    private RuleTally tally(Reported tables, long runId) {
        long records = records(tables, runId);
        Map<String, Long> byRule = new LinkedHashMap<>();
        jdbc.query("SELECT rule, COUNT(DISTINCT record_number) AS records FROM " + tables.violations
                + " WHERE run_id = ? GROUP BY rule ORDER BY records DESC, rule",
                (RowCallbackHandler) rs -> byRule.put(rs.getString("rule"), rs.getLong("records")), runId);
        return new RuleTally(records, byRule);
    }

    /** How many records of the run the tables hold: its rejects, or its records with warnings. */
    private long records(Reported tables, long runId) {
        Long records = jdbc.queryForObject("SELECT COUNT(*) FROM " + tables.records + " WHERE run_id = ?",
                Long.class, runId);
        return records == null ? 0 : records;
    }

    /** The records per rule of each run from {@code first} to {@code last}, each run's largest count first. */
    private Map<Long, Map<String, Long>> byRuleOfRuns(Reported tables, long first, long last) {
        Map<Long, Map<String, Long>> byRun = new HashMap<>();
        jdbc.query("SELECT run_id, rule, COUNT(DISTINCT record_number) AS records FROM " + tables.violations
                + " WHERE run_id BETWEEN ? AND ? GROUP BY run_id, rule ORDER BY run_id, records DESC, rule",
                (RowCallbackHandler) rs -> byRun.computeIfAbsent(rs.getLong("run_id"), id -> new LinkedHashMap<>())
                        .put(rs.getString("rule"), rs.getLong("records")), first, last);
        return byRun;
    }

    /** How many rejects the run has kept so far. */
    long rejectCount(long runId) {
        return records(Reported.REJECTS, runId);
    }

    /** The rejects per rule of each run from {@code first} to {@code last}, each run's largest count first. */
    Map<Long, Map<String, Long>> rejectsByRuleOfRuns(long first, long last) {
        return byRuleOfRuns(Reported.REJECTS, first, last);
    }

    /** As {@link #rejectsByRuleOfRuns}, for warnings. */
    Map<Long, Map<String, Long>> warningsByRuleOfRuns(long first, long last) {
        return byRuleOfRuns(Reported.WARNINGS, first, last);
    }

    /** How many records with warnings each run from {@code first} to {@code last} has, for those that have any. */
    Map<Long, Long> warnedOfRuns(long first, long last) {
        Map<Long, Long> warnedByRun = new HashMap<>();
        jdbc.query("SELECT run_id, COUNT(*) AS records FROM " + Reported.WARNINGS.records
                + " WHERE run_id BETWEEN ? AND ? GROUP BY run_id",
                (RowCallbackHandler) rs -> warnedByRun.put(rs.getLong("run_id"), rs.getLong("records")), first, last);
        return warnedByRun;
    }
}
