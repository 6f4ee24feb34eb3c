package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadRun.RunCounts;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.StagedFinding;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.storage.Warning;
import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * {@link LoadStore} over JDBC. The cross-record rules' facts are computed set-wise in SQL (window functions), so a
 * load of millions of records is judged without holding it in memory. Thread-safe.
 */
@Repository
class JdbcLoadStore implements LoadStore {

    private static final int BATCH_SIZE = 1_000;

    /**
     * A run's staged records in the order the resolver walks them (grouped by asset id, which stands for name and
     * type), each with what the registry holds for it: the asset's id, the status registered for the same version, and
     * the highest version registered in its department. SQLite's sorter reads every input row before returning the
     * first, and PostgreSQL's cursor reads a snapshot, so the rows registered during the walk do not change what it sees.
     */
    private static final String STAGED_IN_ORDER = """
            SELECT s.record_number, s.name, s.type, s.department, s.version, s.status,
                   s.line, s.col, s.byte_offset, s.byte_length, a.id AS asset_id,
                   (SELECT r.status FROM asset_version r
                     WHERE r.asset_id = a.id AND r.department = s.department AND r.version = s.version) AS registered_status,
                   (SELECT MAX(r.version) FROM asset_version r
                     WHERE r.asset_id = a.id AND r.department = s.department) AS registered_max
            FROM staged_version s
            JOIN asset a ON a.name = s.name AND a.type = s.type
            WHERE s.run_id = ?
            ORDER BY a.id, s.department, s.version, s.record_number""";

    private final JdbcTemplate jdbc;

    JdbcLoadStore(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "The JdbcTemplate must not be null.");
    }

    @Override
    public long startRun(String kind, String source, long fileSize, Instant startedAt) {
        Long id = jdbc.queryForObject("""
                INSERT INTO load_run (kind, source, file_size, started_at, status)
                VALUES (?, ?, ?, ?, 'RUNNING') RETURNING id""", Long.class, kind, source, fileSize, startedAt.toString());
        return Objects.requireNonNull(id, "The database returned no run id.");
    }

    @Override
    public void claimRun(long runId, String sha256, String owner) {
        jdbc.update("UPDATE load_run SET sha256 = ?, owner = ?, status = 'RUNNING', ended_at = NULL WHERE id = ?",
                sha256, owner, runId);
    }

    @Override
    public Optional<LoadRun> findUnfinishedLoad(String sha256) {
        return jdbc.queryForList("""
                SELECT id FROM load_run WHERE kind = 'load' AND sha256 = ? AND status <> 'COMPLETED' AND over_budget = 0
                ORDER BY id DESC LIMIT 1""", Long.class, sha256).stream().findFirst().flatMap(this::findRun);
    }

    @Override
    public void stage(long runId, List<StagedVersion> records) {
        jdbc.batchUpdate("""
                INSERT INTO staged_version (run_id, record_number, name, type, department, version, status,
                                            line, col, byte_offset, byte_length)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", records, BATCH_SIZE, (ps, staged) -> {
            RecordPosition at = staged.position();
            VersionedAsset record = staged.record();
            ps.setLong(1, runId);
            ps.setLong(2, at.recordNumber());
            ps.setString(3, record.asset().name());
            ps.setString(4, record.asset().type());
            ps.setString(5, record.version().department());
            ps.setInt(6, record.version().version());
            ps.setString(7, record.version().status());
            ps.setLong(8, at.line());
            ps.setLong(9, at.column());
            ps.setLong(10, at.offset());
            ps.setInt(11, at.length());
        });
    }

    @Override
    public void reject(long runId, List<Reject> rejects) {
        insert(Reported.REJECTS, runId, rejects.stream()
                .map(reject -> new ReportedRow(reject.position(), reject.violations(), reject.recordJson()))
                .toList());
    }

    @Override
    public void warn(long runId, List<Warning> warnings) {
        insert(Reported.WARNINGS, runId, warnings.stream()
                .map(warning -> new ReportedRow(warning.position(), warning.violations(), warning.recordJson()))
                .toList());
    }

    private void insert(Reported tables, long runId, List<ReportedRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO " + tables.records + " (run_id, record_number, line, col, record) "
                + "VALUES (?, ?, ?, ?, ?)", rows, BATCH_SIZE, (ps, row) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, row.position().recordNumber());
                    ps.setLong(3, row.position().line());
                    ps.setLong(4, row.position().column());
                    ps.setString(5, row.recordJson());
                });
        List<Object[]> violations = new ArrayList<>(rows.size() * 2);
        for (ReportedRow row : rows) {
            int ordinal = 0;
            for (Violation violation : row.violations()) {
                violations.add(new Object[] {runId, row.position().recordNumber(), ordinal++,
                        violation.rule(), violation.field(), violation.message()});
            }
        }
        jdbc.batchUpdate("INSERT INTO " + tables.violations + " (run_id, record_number, ordinal, rule, field, message) "
                + "VALUES (?, ?, ?, ?, ?, ?)", violations);
    }

    /** The versions a run registered from its staged records, found by their primary key. */
    private static final String UNREGISTER = """
            DELETE FROM asset_version
            WHERE run_id = ? AND (asset_id, department, version) IN (
                SELECT a.id, s.department, s.version
                FROM staged_version s JOIN asset a ON a.name = s.name AND a.type = s.type
                WHERE s.run_id = ?)""";

    @Override
    public Resolution resolve(long runId, Consumer<StagedFinding> findings, Predicate<Resolution> keep) {
        // Every staged asset is created up front, set-wise, so the walk knows every asset's id; those that end up
        // without a registered version are removed again before the transaction commits.
        Long lastAssetBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM asset", Long.class);
        jdbc.update("""
                INSERT INTO asset (name, type) SELECT name, type FROM staged_version WHERE run_id = ?
                ON CONFLICT DO NOTHING""", runId);
        var registration = new Registration(runId, findings);
        var resolver = new StagedRecordResolver(registration);
        jdbc.query(STAGED_IN_ORDER, (RowCallbackHandler) rs -> resolver.accept(stagedRow(rs)), runId);
        registration.flush();
        var resolution = new Resolution(registration.registered, registration.unchanged, registration.heldBack);
        if (!keep.test(resolution)) {
            jdbc.update(UNREGISTER, runId, runId);
            jdbc.update("UPDATE load_run SET over_budget = 1 WHERE id = ?", runId);
            resolution = new Resolution(0, resolution.unchanged(), resolution.findings());
        }
        jdbc.update("""
                DELETE FROM asset
                WHERE id > ? AND NOT EXISTS (SELECT 1 FROM asset_version v WHERE v.asset_id = asset.id)""",
                lastAssetBefore);
        jdbc.update("UPDATE load_run SET registered = registered + ?, unchanged = unchanged + ? WHERE id = ?",
                resolution.registered(), resolution.unchanged(), runId);
        jdbc.update("DELETE FROM staged_version WHERE run_id = ?", runId);
        return resolution;
    }

    private static StagedRecordResolver.StagedRow stagedRow(ResultSet rs) throws SQLException {
        var position = new RecordPosition(rs.getLong("record_number"), rs.getLong("line"), rs.getLong("col"),
                rs.getLong("byte_offset"), rs.getInt("byte_length"));
        var record = new VersionedAsset(new AssetKey(rs.getString("name"), rs.getString("type")),
                new AssetVersion(rs.getString("department"), rs.getInt("version"), rs.getString("status")));
        return new StagedRecordResolver.StagedRow(position, record, rs.getLong("asset_id"),
                rs.getString("registered_status"),
                rs.getInt("registered_max"));
    }

    /** Carries out the resolver's decisions: batches the registrations, and counts. */
    private final class Registration implements StagedRecordResolver.Decisions {

        private final long runId;
        private final Consumer<StagedFinding> findings;
        private final List<Object[]> batch = new ArrayList<>(BATCH_SIZE);
        private long registered;
        private long unchanged;
        private long heldBack;

        Registration(long runId, Consumer<StagedFinding> findings) {
            this.runId = runId;
            this.findings = findings;
        }

        @Override
        public void register(StagedRecordResolver.StagedRow row) {
            VersionedAsset record = row.record();
            batch.add(new Object[] {row.assetId(), record.version().department(),
                    record.version().version(), record.version().status(), runId});
            registered++;
            if (batch.size() == BATCH_SIZE) {
                flush();
            }
        }

        @Override
        public void unchanged(StagedRecordResolver.StagedRow row) {
            unchanged++;
        }

        @Override
        public void heldBack(StagedRecordResolver.StagedRow row, VersionFinding finding) {
            heldBack++;
            findings.accept(new StagedFinding(row.position(), finding));
        }

        void flush() {
            if (!batch.isEmpty()) {
                jdbc.batchUpdate("""
                        INSERT INTO asset_version (asset_id, department, version, status, run_id)
                        VALUES (?, ?, ?, ?, ?)""", batch);
                batch.clear();
            }
        }
    }

    @Override
    public void forEachReject(long runId, Consumer<Reject> action) {
        forEach(Reported.REJECTS, runId,
                row -> action.accept(new Reject(row.position(), row.violations(), row.recordJson())));
    }

    @Override
    public void forEachWarning(long runId, Consumer<Warning> action) {
        forEach(Reported.WARNINGS, runId,
                row -> action.accept(new Warning(row.position(), row.violations(), row.recordJson())));
    }

    private void forEach(Reported tables, long runId, Consumer<ReportedRow> action) {
        var grouper = new ViolationGrouper(action);
        jdbc.query("SELECT r.record_number, r.line, r.col, r.record, v.rule, v.field, v.message FROM "
                + tables.records + " r JOIN " + tables.violations + " v"
                + " ON v.run_id = r.run_id AND v.record_number = r.record_number"
                + " WHERE r.run_id = ? ORDER BY r.record_number, v.ordinal", grouper, runId);
        grouper.flush();
    }

    @Override
    public List<Reject> rejects(long runId, String rule, long after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The page size must be 1 or more, got " + limit + ".");
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

    @Override
    public RuleTally rejectTally(long runId) {
        return tally(Reported.REJECTS, runId);
    }

    @Override
    public RuleTally warningTally(long runId) {
        return tally(Reported.WARNINGS, runId);
    }

    private RuleTally tally(Reported tables, long runId) {
        Long records = jdbc.queryForObject("SELECT COUNT(*) FROM " + tables.records + " WHERE run_id = ?",
                Long.class, runId);
        Map<String, Long> byRule = new LinkedHashMap<>();
        jdbc.query("SELECT rule, COUNT(DISTINCT record_number) AS records FROM " + tables.violations
                + " WHERE run_id = ? GROUP BY rule ORDER BY records DESC, rule",
                (RowCallbackHandler) rs -> byRule.put(rs.getString("rule"), rs.getLong("records")), runId);
        return new RuleTally(records == null ? 0 : records, byRule);
    }

    @Override
    public void finishRun(long runId, String status, Instant endedAt, long read, String sha256, String reportDir) {
        jdbc.update("""
                UPDATE load_run SET status = ?, ended_at = ?, read_count = ?,
                                    rejected = (SELECT COUNT(*) FROM reject WHERE run_id = ?),
                                    sha256 = COALESCE(?, sha256), report_dir = COALESCE(?, report_dir)
                WHERE id = ?""", status, endedAt.toString(), read, runId, sha256, reportDir, runId);
    }

    @Override
    public Optional<LoadRun> findRun(long runId) {
        List<LoadRun> runs = jdbc.query("SELECT * FROM load_run WHERE id = ?", JdbcLoadStore::run, runId);
        return runs.stream().findFirst().map(run -> {
            RuleTally warnings = warningTally(runId);
            return run.withTallies(rejectTally(runId).byRule(), warnings.records(), warnings.byRule());
        });
    }

    @Override
    public List<LoadRun> recentRuns(int limit) {
        List<LoadRun> runs = jdbc.query("SELECT * FROM load_run ORDER BY id DESC LIMIT ?", JdbcLoadStore::run, limit);
        if (runs.isEmpty()) {
            return runs;
        }
        // one query per kind of count for the whole page rather than one per run
        long first = runs.get(runs.size() - 1).id();
        long last = runs.get(0).id();
        Map<Long, Map<String, Long>> rejectsByRun = byRuleOfRuns(Reported.REJECTS, first, last);
        Map<Long, Map<String, Long>> warningsByRun = byRuleOfRuns(Reported.WARNINGS, first, last);
        Map<Long, Long> warnedByRun = new HashMap<>();
        jdbc.query("SELECT run_id, COUNT(*) AS records FROM " + Reported.WARNINGS.records
                + " WHERE run_id BETWEEN ? AND ? GROUP BY run_id",
                (RowCallbackHandler) rs -> warnedByRun.put(rs.getLong("run_id"), rs.getLong("records")), first, last);
        return runs.stream().map(run -> run.withTallies(rejectsByRun.getOrDefault(run.id(), Map.of()),
                warnedByRun.getOrDefault(run.id(), 0L), warningsByRun.getOrDefault(run.id(), Map.of()))).toList();
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

    private static LoadRun run(ResultSet rs, int rowNum) throws SQLException {
        String ended = rs.getString("ended_at");
        var counts = new RunCounts(rs.getLong("read_count"), rs.getLong("registered"), rs.getLong("unchanged"),
                rs.getLong("rejected"), Map.of(), 0, Map.of());
        return new LoadRun(rs.getLong("id"), rs.getString("kind"), rs.getString("source"),
                rs.getLong("file_size"), rs.getString("sha256"), Instant.parse(rs.getString("started_at")),
                ended == null ? null : Instant.parse(ended), rs.getString("status"), counts,
                rs.getString("report_dir"), rs.getString("owner"));
    }
}
