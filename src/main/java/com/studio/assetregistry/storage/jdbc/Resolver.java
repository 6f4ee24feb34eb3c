package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.LoadInProgressException;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.StagedFinding;
import com.studio.assetregistry.validation.VersionFinding;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Judges a run's pending rows set-wise in SQL once all are written: the groups (asset and department) whose versions
 * are not 1..N, found in one pass over the versions' primary key or through the groups a small run noted; the records
 * kept aside because their version was already written; then removes the rows that may not stay and clears the run's
 * pending flag. Or, for a run abandoned or over its reject budget, removes every row it wrote. Runs in its caller's
 * transaction, which holds the registration lock ({@link SqlDialect#lockRegistration}). Thread-safe.
 */
final class Resolver {

    /** Rows that count for run {@code ?}: those registered, and its own (not another pending run's). */
    private static final String COUNTS_FOR_RUN =
            "run_id NOT IN (SELECT id FROM load_run WHERE pending = 1 AND id <> ?)";

    /**
     * The run's records whose version was already written when their chunk wrote them, in the order they are judged
     * (grouped by asset id, which stands for name and type), each with the row that holds the version and the gap-free
     * prefix of its group if the group has a gap.
     */
    private static final String COLLIDED_IN_ORDER = """
            SELECT s.record_number, s.name, s.type, s.department, s.version, s.status,
                   s.line, s.col, s.byte_offset, s.byte_length, a.id AS asset_id,
                   r.status AS row_status, r.run_id AS row_run, r.record_number AS row_record, p.pending AS row_pending,
                   g.complete_up_to
            FROM staged_version s
            JOIN asset_row a ON a.name = s.name AND a.type = s.type
            LEFT JOIN asset_version_row r ON r.asset_id = a.id AND r.department = s.department AND r.version = s.version
            LEFT JOIN load_run p ON p.id = r.run_id
            LEFT JOIN run_gap g ON g.run_id = s.run_id AND g.asset_id = a.id AND g.department = s.department
            WHERE s.run_id = ?
            ORDER BY a.id, s.department, s.version, s.record_number""";

    /**
     * The run's rows above the gap-free prefix of their group, which may not stay, with their asset. Found from the
     * run's gaps, usually few, through the versions' primary key.
     */
    private static final String ABOVE_GAPS = """
            FROM run_gap g
            JOIN asset_version_row v ON v.asset_id = g.asset_id AND v.department = g.department
                                    AND v.version > g.complete_up_to
            JOIN asset_row a ON a.id = g.asset_id
            WHERE g.run_id = ? AND v.run_id = ?""";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final AssetIds assetIds;
    private final long largeRun;

    Resolver(JdbcTemplate jdbc, SqlDialect dialect, AssetIds assetIds, long largeRun) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.assetIds = assetIds;
        this.largeRun = largeRun;
    }

    /** Resolves the run, as {@link LoadStore#resolve} has it, in the caller's transaction, under its lock. */
    Resolution resolve(long runId, Consumer<StagedFinding> findings, Predicate<Resolution> keep) {
        Map<String, Object> run = jdbc.queryForMap("SELECT pending, written FROM load_run WHERE id = ?", runId);
        if (((Number) run.get("pending")).intValue() == 0) { // resolved already, or nothing written
            return new Resolution(0, 0, 0);
        }
        long written = ((Number) run.get("written")).longValue();
        dialect.knowTheVersionsTable(jdbc, written);
        findGaps(runId, written);
        var collided = new CollidedRecords(runId, findings);
        jdbc.query(COLLIDED_IN_ORDER, collided, runId);
        long aboveGaps = handOutRowsAboveGaps(runId, findings);
        var resolution = new Resolution(written - aboveGaps, collided.unchanged, collided.heldBack + aboveGaps);
        if (keep.test(resolution)) {
            // by primary key, from the gaps: "WHERE run_id = ? AND ..." would walk every row of the run
            jdbc.update("DELETE FROM asset_version_row WHERE (asset_id, department, version) IN ("
                    + "SELECT v.asset_id, v.department, v.version " + ABOVE_GAPS + ")", runId, runId);
            // An asset another pending run created, to which this run adds versions, is this run's from now on.
            // Asked first, as the update reads every asset to find that other run's (0.1 to 0.3 s for 10,000,000
            // versions), and there is usually none.
            if (otherRunsPending(runId)) {
                jdbc.update("UPDATE asset_row SET run_id = ? WHERE run_id IN "
                        + "(SELECT id FROM load_run WHERE pending = 1 AND id <> ?) AND EXISTS (SELECT 1 FROM "
                        + "asset_version_row v WHERE v.asset_id = asset_row.id AND v.run_id = ?)", runId, runId, runId);
            }
            // only an asset with a gap can have lost all its versions
            jdbc.update("""
                    DELETE FROM asset_row
                    WHERE id IN (SELECT asset_id FROM run_gap WHERE run_id = ?) AND run_id = ?
                      AND NOT EXISTS (SELECT 1 FROM asset_version_row v WHERE v.asset_id = asset_row.id)""",
                    runId, runId);
            assetIds.clear();
        } else {
            removeRows(runId, written);
            // final, never offered to be resumed: a load over its reject budget, or a dry run, which keeps nothing
            jdbc.update("UPDATE load_run SET over_budget = 1 WHERE id = ?", runId);
            resolution = new Resolution(0, resolution.unchanged(), resolution.findings());
        }
        // resolved: a resume of the run (to write its report) must not make it pending again
        jdbc.update("UPDATE load_run SET pending = 0, resolved = 1, registered = ?, unchanged = ? WHERE id = ?",
                resolution.registered(), resolution.unchanged(), runId);
        forgetWorkingSet(runId);
        return resolution;
    }

    /**
     * Records in {@code run_gap} every group (asset and department) of the run whose versions, counting the
     * registered ones and the run's own, are not exactly 1..N, with the length of their gap-free prefix. A large run
     * is checked in one pass over all versions in primary-key order, where a group is a run of adjacent rows; a small
     * one group by group, from the groups its chunks noted.
     * <p>
     * The pass need not tell the run's groups from the others: a group the run did not write holds registered versions
     * only, which are 1..N. It leaves out the versions of other pending runs, if there are any; where a writer keeps
     * every other one out (SQLite), none can appear before this transaction ends, and without any the pass is spared
     * a lookup per version: together, a third of a pass over 10,000,000 versions.
     */
    private void findGaps(long runId, long written) {
        if (written > largeRun) {
            boolean countsEveryRow = dialect.writesOneAtATime() && !otherRunsPending(runId);
            String sql = "INSERT INTO run_gap (run_id, asset_id, department, complete_up_to) "
                    + "SELECT ?, asset_id, department, 0 FROM asset_version_row"
                    + (countsEveryRow ? "" : " WHERE " + COUNTS_FOR_RUN)
                    + " GROUP BY asset_id, department HAVING COUNT(*) <> MAX(version)";
            if (countsEveryRow) {
                jdbc.update(sql, runId);
            } else {
                jdbc.update(sql, runId, runId);
            }
        } else {
            jdbc.update("INSERT INTO run_gap (run_id, asset_id, department, complete_up_to) "
                    + "SELECT ?, m.asset_id, m.department, 0 FROM run_group m WHERE m.run_id = ?"
                    + " AND (SELECT COUNT(*) FROM asset_version_row v WHERE v.asset_id = m.asset_id"
                    + " AND v.department = m.department AND v." + COUNTS_FOR_RUN + ")"
                    + " <> (SELECT MAX(v.version) FROM asset_version_row v WHERE v.asset_id = m.asset_id"
                    + " AND v.department = m.department AND v." + COUNTS_FOR_RUN + ")",
                    runId, runId, runId, runId);
        }
        // the prefix ends below the lowest version whose successor is missing, and is empty without a version 1
        jdbc.update("UPDATE run_gap SET complete_up_to = COALESCE((SELECT MIN(v.version) FROM asset_version_row v"
                + " WHERE v.asset_id = run_gap.asset_id AND v.department = run_gap.department AND v." + COUNTS_FOR_RUN
                + " AND EXISTS (SELECT 1 FROM asset_version_row o WHERE o.asset_id = v.asset_id"
                + " AND o.department = v.department AND o.version = 1 AND o." + COUNTS_FOR_RUN + ")"
                + " AND NOT EXISTS (SELECT 1 FROM asset_version_row w WHERE w.asset_id = v.asset_id"
                // in 64 bits: the largest version a column holds has no successor there (PostgreSQL: out of range)
                + " AND w.department = v.department AND w.version = CAST(v.version AS BIGINT) + 1"
                + " AND w." + COUNTS_FOR_RUN + ")"
                + "), 0) WHERE run_id = ?", runId, runId, runId, runId);
    }

    private boolean otherRunsPending(long runId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM load_run WHERE pending = 1 AND id <> ?)", Boolean.class, runId));
    }

    /** Hands out the run's rows above a gap, in record order, known by record number only; returns how many. */
    private long handOutRowsAboveGaps(long runId, Consumer<StagedFinding> findings) {
        long[] count = {0};
        jdbc.query("SELECT v.record_number, a.name, a.type, v.department, v.version, v.status, g.complete_up_to "
                + ABOVE_GAPS
                + " ORDER BY v.record_number", (RowCallbackHandler) rs -> {
                    long recordNumber = rs.getLong("record_number");
                    var record = new VersionedAsset(new AssetKey(rs.getString("name"), rs.getString("type")),
                            new AssetVersion(rs.getString("department"), rs.getInt("version"), rs.getString("status")));
                    findings.accept(new StagedFinding(RecordPosition.ofNumber(recordNumber), new VersionFinding(
                            record, recordNumber, recordNumber, null, rs.getLong("complete_up_to"))));
                    count[0]++;
                }, runId, runId);
        return count[0];
    }

    /**
     * Judges the records whose version was already written when they came: a repeat of an earlier record of the run,
     * or of a registered version (unchanged if it says the same, the first time).
     */
    private static final class CollidedRecords implements RowCallbackHandler {

        private final long runId;
        private final Consumer<StagedFinding> findings;
        private long unchanged;
        private long heldBack;
        private long assetId = -1;
        private String department;
        private int version;
        private long firstRecord;

        CollidedRecords(long runId, Consumer<StagedFinding> findings) {
            this.runId = runId;
            this.findings = findings;
        }

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            var position = new RecordPosition(rs.getLong("record_number"), rs.getLong("line"), rs.getLong("col"),
                    rs.getLong("byte_offset"), rs.getInt("byte_length"));
            var record = new VersionedAsset(new AssetKey(rs.getString("name"), rs.getString("type")),
                    new AssetVersion(rs.getString("department"), rs.getInt("version"), rs.getString("status")));
            long rowRun = rs.getLong("row_run");
            if (rs.wasNull()) {
                throw new IllegalStateException("Record " + position.recordNumber() + " of run " + runId
                        + " found its version written, but it is gone: " + record.label());
            }
            if (rowRun != runId && rs.getInt("row_pending") == 1) { // not registered: another run is writing it
                throw new LoadInProgressException(rowRun, null);
            }
            long completeUpTo = rs.getLong("complete_up_to");
            if (rs.wasNull()) { // no gap in the group
                completeUpTo = record.version().version();
            }
            boolean firstOfVersion = rs.getLong("asset_id") != assetId
                    || !record.version().department().equals(department) || record.version().version() != version;
            if (firstOfVersion) {
                assetId = rs.getLong("asset_id");
                department = record.version().department();
                version = record.version().version();
                firstRecord = position.recordNumber();
            }
            if (rowRun == runId) { // an earlier record of this run wrote the version
                holdBack(position, new VersionFinding(record, rs.getLong("row_record"), position.recordNumber(),
                        null, completeUpTo));
                return;
            }
            String registered = rs.getString("row_status");
            if (firstOfVersion && record.version().status().equals(registered)) {
                unchanged++;
                return;
            }
            holdBack(position, new VersionFinding(record, firstRecord, position.recordNumber(), registered,
                    completeUpTo));
        }

        private void holdBack(RecordPosition position, VersionFinding finding) {
            heldBack++;
            findings.accept(new StagedFinding(position, finding));
        }
    }

    /**
     * Removes every version the run wrote and the assets it created that are left without one: a small run's through
     * the groups it noted, a large run's in one pass over all versions.
     */
    void removeRows(long runId, long written) {
        if (written > largeRun) {
            jdbc.update("DELETE FROM asset_version_row WHERE run_id = ?", runId);
        } else {
            jdbc.update("DELETE FROM asset_version_row WHERE (asset_id, department) IN "
                    + "(SELECT asset_id, department FROM run_group WHERE run_id = ?) AND run_id = ?", runId, runId);
        }
        removeOrphanAssets(runId);
    }

    /** Empties the run's working tables, which only its resolve reads. */
    void forgetWorkingSet(long runId) {
        jdbc.update("DELETE FROM staged_version WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM run_gap WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM run_group WHERE run_id = ?", runId);
    }

    private void removeOrphanAssets(long runId) {
        jdbc.update("""
                DELETE FROM asset_row
                WHERE run_id = ? AND NOT EXISTS (SELECT 1 FROM asset_version_row v WHERE v.asset_id = asset_row.id)""",
                runId);
        assetIds.clear();
    }
}
