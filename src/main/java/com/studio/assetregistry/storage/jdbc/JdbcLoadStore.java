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
import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
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
     * Judges every staged record of a run at once. {@code first_record} finds repeats; {@code registered_status} finds
     * unchanged and conflicting versions; {@code complete_to} is the length of the gap-free prefix 1..N of the versions
     * each asset and department has or would have (over sorted distinct versions, v = rank holds exactly on that prefix).
     */
    private static final String RESOLVE = """
            CREATE TEMP TABLE resolution AS
            WITH staged AS (
                SELECT s.record_number, s.name, s.type, s.department, s.version, s.status,
                       s.line, s.col, s.byte_offset, s.byte_length,
                       MIN(s.record_number) OVER (PARTITION BY s.name, s.type, s.department, s.version) AS first_record,
                       r.status AS registered_status
                FROM staged_version s
                LEFT JOIN asset a ON a.name = s.name AND a.type = s.type
                LEFT JOIN asset_version r ON r.asset_id = a.id AND r.department = s.department AND r.version = s.version
                WHERE s.run_id = ?
            ),
            touched AS (
                SELECT DISTINCT name, type, department FROM staged
            ),
            known AS (
                SELECT name, type, department, version FROM staged WHERE record_number = first_record
                UNION
                SELECT t.name, t.type, t.department, r.version
                FROM touched t
                JOIN asset a ON a.name = t.name AND a.type = t.type
                JOIN asset_version r ON r.asset_id = a.id AND r.department = t.department
            ),
            prefix AS (
                SELECT name, type, department, SUM(CASE WHEN version = rank_in_group THEN 1 ELSE 0 END) AS complete_to
                FROM (SELECT name, type, department, version,
                             ROW_NUMBER() OVER (PARTITION BY name, type, department ORDER BY version) AS rank_in_group
                      FROM known) ranked
                GROUP BY name, type, department
            )
            SELECT st.record_number, st.name, st.type, st.department, st.version, st.status,
                   st.line, st.col, st.byte_offset, st.byte_length, st.first_record, st.registered_status,
                   p.complete_to,
                   CASE WHEN st.record_number <> st.first_record THEN 'X'
                        WHEN st.registered_status IS NULL AND st.version <= p.complete_to THEN 'R'
                        WHEN st.registered_status = st.status THEN 'U'
                        ELSE 'X' END AS outcome
            FROM staged st
            JOIN prefix p ON p.name = st.name AND p.type = st.type AND p.department = st.department
            """;

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
        if (rejects.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO reject (run_id, record_number, line, col, record) VALUES (?, ?, ?, ?, ?)",
                rejects, BATCH_SIZE, (ps, reject) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, reject.position().recordNumber());
                    ps.setLong(3, reject.position().line());
                    ps.setLong(4, reject.position().column());
                    ps.setString(5, reject.recordJson());
                });
        List<Object[]> violations = new ArrayList<>(rejects.size() * 2);
        for (Reject reject : rejects) {
            int ordinal = 0;
            for (Violation violation : reject.violations()) {
                violations.add(new Object[] {runId, reject.position().recordNumber(), ordinal++,
                        violation.rule(), violation.field(), violation.message()});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO reject_violation (run_id, record_number, ordinal, rule, field, message)
                VALUES (?, ?, ?, ?, ?, ?)""", violations);
    }

    @Override
    public Resolution resolve(long runId, Consumer<StagedFinding> findings) {
        jdbc.execute("DROP TABLE IF EXISTS resolution");
        jdbc.update(RESOLVE, runId);
        jdbc.update("""
                INSERT INTO asset (name, type)
                SELECT DISTINCT name, type FROM resolution WHERE outcome = 'R'
                ON CONFLICT DO NOTHING""");
        long registered = jdbc.update("""
                INSERT INTO asset_version (asset_id, department, version, status, run_id)
                SELECT a.id, r.department, r.version, r.status, ?
                FROM resolution r JOIN asset a ON a.name = r.name AND a.type = r.type
                WHERE r.outcome = 'R'
                ORDER BY a.id, r.department, r.version""", runId);
        Long unchanged = jdbc.queryForObject("SELECT COUNT(*) FROM resolution WHERE outcome = 'U'", Long.class);
        long[] found = {0};
        jdbc.query("SELECT * FROM resolution WHERE outcome = 'X' ORDER BY record_number", (RowCallbackHandler) rs -> {
            findings.accept(finding(rs));
            found[0]++;
        });
        var resolution = new Resolution(registered, unchanged == null ? 0 : unchanged, found[0]);
        jdbc.update("UPDATE load_run SET registered = registered + ?, unchanged = unchanged + ? WHERE id = ?",
                resolution.registered(), resolution.unchanged(), runId);
        jdbc.update("DELETE FROM staged_version WHERE run_id = ?", runId);
        jdbc.execute("DROP TABLE resolution");
        return resolution;
    }

    private static StagedFinding finding(ResultSet rs) throws SQLException {
        var position = new RecordPosition(rs.getLong("record_number"), rs.getLong("line"), rs.getLong("col"),
                rs.getLong("byte_offset"), rs.getInt("byte_length"));
        var candidate = new VersionedAsset(new AssetKey(rs.getString("name"), rs.getString("type")),
                new AssetVersion(rs.getString("department"), rs.getInt("version"), rs.getString("status")));
        var finding = new VersionFinding(candidate, rs.getLong("first_record"), position.recordNumber(),
                rs.getString("registered_status"), rs.getLong("complete_to"));
        return new StagedFinding(position, finding);
    }

    @Override
    public void forEachReject(long runId, Consumer<Reject> action) {
        var grouper = new RejectGrouper(action);
        jdbc.query("""
                SELECT r.record_number, r.line, r.col, r.record, v.rule, v.field, v.message
                FROM reject r
                JOIN reject_violation v ON v.run_id = r.run_id AND v.record_number = r.record_number
                WHERE r.run_id = ?
                ORDER BY r.record_number, v.ordinal""", grouper, runId);
        grouper.flush();
    }

    /** Folds the rows of one reject's violations back into one {@link Reject}. */
    private static final class RejectGrouper implements RowCallbackHandler {

        private final Consumer<Reject> action;
        private RecordPosition position;
        private String record;
        private final List<Violation> violations = new ArrayList<>();

        RejectGrouper(Consumer<Reject> action) {
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
                action.accept(new Reject(position, violations, record));
                position = null;
                violations.clear();
            }
        }
    }

    @Override
    public RejectTally rejectTally(long runId) {
        Long records = jdbc.queryForObject("SELECT COUNT(*) FROM reject WHERE run_id = ?", Long.class, runId);
        Map<String, Long> byRule = new LinkedHashMap<>();
        jdbc.query("""
                SELECT rule, COUNT(DISTINCT record_number) AS rejects FROM reject_violation WHERE run_id = ?
                GROUP BY rule ORDER BY rejects DESC, rule""",
                (RowCallbackHandler) rs -> byRule.put(rs.getString("rule"), rs.getLong("rejects")), runId);
        return new RejectTally(records == null ? 0 : records, byRule);
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
        List<LoadRun> runs = jdbc.query("SELECT * FROM load_run WHERE id = ?", (rs, n) -> {
            String ended = rs.getString("ended_at");
            var counts = new RunCounts(rs.getLong("read_count"), rs.getLong("registered"), rs.getLong("unchanged"),
                    rs.getLong("rejected"), Map.of());
            return new LoadRun(rs.getLong("id"), rs.getString("kind"), rs.getString("source"),
                    rs.getLong("file_size"), rs.getString("sha256"), Instant.parse(rs.getString("started_at")),
                    ended == null ? null : Instant.parse(ended), rs.getString("status"), counts,
                    rs.getString("report_dir"));
        }, runId);
        return runs.stream().findFirst().map(run -> run.withRejectsByRule(rejectTally(runId).byRule()));
    }
}
