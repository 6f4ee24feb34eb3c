package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.LoadInProgressException;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link LoadStore} over JDBC. A load's records are written once, straight into the registry's row tables, pending;
 * the views that readers query hide them until the run's resolve step has judged them all set-wise in SQL (groups
 * with a gap found in one pass over the versions' primary key), removed those that may not stay, and cleared the
 * run's pending flag, in one transaction. Records whose version was already written are kept aside in
 * {@code staged_version} for the resolve step. The versions have no index by run: it would cost every row a second
 * B-tree insert, a quarter of the write time. Thread-safe.
 */
@Repository
class JdbcLoadStore implements LoadStore {

    private static final int BATCH_SIZE = 1_000;

    /** Assets created or looked up per statement when a chunk writes to assets not known here: 1,000 parameters. */
    private static final int KEYS_PER_QUERY = 500;

    /** An asset id not known yet: ids are positive. */
    private static final long UNKNOWN = 0;

    /**
     * Above this many written rows, a run is large: the resolve step finds its gaps, and removing its rows finds them,
     * in one pass over all versions. Up to it, its chunks note the groups they write, and both walk only those.
     */
    private static final long LARGE_RUN = 50_000;

    /** Rows that count for run {@code ?}: those registered, and its own (not another pending run's). */
    private static final String COUNTS_FOR_RUN = "run_id NOT IN (SELECT id FROM load_run WHERE pending = 1 AND id <> ?)";

    /**
     * The run's records whose version was already written when their chunk wrote them, in the order they are judged
     * (grouped by asset id, which stands for name and type), each with the row that holds the version and the gap-free
     * prefix of its group if the group has a gap.
     */
    private static final String COLLIDED_IN_ORDER = """
            SELECT s.record_number, s.name, s.type, s.department, s.version, s.status,
                   s.line, s.col, s.byte_offset, s.byte_length, a.id AS asset_id,
                   r.status AS row_status, r.run_id AS row_run, r.record_number AS row_record,
                   g.complete_up_to
            FROM staged_version s
            JOIN asset_row a ON a.name = s.name AND a.type = s.type
            LEFT JOIN asset_version_row r ON r.asset_id = a.id AND r.department = s.department AND r.version = s.version
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
    private final long largeRun;
    /** About 20 MiB of heap when full: the most a load keeps alive, so it sets how far a load's heap grows. */
    private final AssetIds assetIds = new AssetIds(100_000);

    @Autowired
    JdbcLoadStore(JdbcTemplate jdbc) {
        this(jdbc, LARGE_RUN);
    }

    /** A store that treats a run of more than {@code largeRun} written rows as large (tests try both ways). */
    JdbcLoadStore(JdbcTemplate jdbc, long largeRun) {
        this.jdbc = Objects.requireNonNull(jdbc, "The JdbcTemplate must not be null.");
        this.largeRun = largeRun;
        this.dialect = SqlDialect.of(jdbc);
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
        try {
            jdbc.update("""
                    UPDATE load_run SET sha256 = ?, owner = ?, status = 'RUNNING', ended_at = NULL,
                                        pending = CASE WHEN kind IN ('load', 'dry-run') AND resolved = 0 THEN 1
                                                       ELSE pending END
                    WHERE id = ?""", sha256, owner, runId);
        } catch (DataIntegrityViolationException e) {
            throw new LoadInProgressException(findPendingLoad(runId).map(LoadRun::id).orElse(0L), e);
        }
    }

    @Override
    public Optional<LoadRun> findPendingLoad(long runId) {
        return jdbc.queryForList("SELECT id FROM load_run WHERE pending = 1 AND kind IN ('load', 'dry-run') AND id <> ?",
                Long.class, runId).stream().findFirst().flatMap(this::findRun);
    }

    /** In one transaction, under the registration lock, as {@link #resolve} is: no resolution sees half of it. */
    @Override
    @Transactional
    public void abandonRun(long runId) {
        dialect.lockRegistration(jdbc);
        Long written = jdbc.queryForObject("SELECT written FROM load_run WHERE id = ?", Long.class, runId);
        removeRows(runId, Objects.requireNonNull(written));
        forgetWorkingSet(runId);
        jdbc.update("UPDATE load_run SET pending = 0, status = 'ABANDONED', ended_at = COALESCE(ended_at, ?), "
                + "rejected = (SELECT COUNT(*) FROM reject WHERE run_id = ?) WHERE id = ?", Instant.now().toString(),
                runId, runId);
    }

    /**
     * Removes every version the run wrote and the assets it created that are left without one: a small run's through
     * the groups it noted, a large run's in one pass over all versions.
     */
    private void removeRows(long runId, long written) {
        if (written > largeRun) {
            jdbc.update("DELETE FROM asset_version_row WHERE run_id = ?", runId);
        } else {
            jdbc.update("DELETE FROM asset_version_row WHERE (asset_id, department) IN "
                    + "(SELECT asset_id, department FROM run_group WHERE run_id = ?) AND run_id = ?", runId, runId);
        }
        removeOrphanAssets(runId);
    }

    /** Empties the run's working tables, which only its resolve reads. */
    private void forgetWorkingSet(long runId) {
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

    @Override
    public Optional<LoadRun> findUnfinishedRun(String kind, String sha256) {
        return jdbc.queryForList("""
                SELECT id FROM load_run
                WHERE kind = ? AND sha256 = ? AND status NOT IN ('COMPLETED', 'ABANDONED') AND over_budget = 0
                ORDER BY id DESC LIMIT 1""", Long.class, kind, sha256).stream().findFirst().flatMap(this::findRun);
    }

    @Override
    public Optional<LoadRun> findCompletedRun(String kind, String sha256) {
        return jdbc.queryForList("""
                SELECT id FROM load_run WHERE kind = ? AND sha256 = ? AND status = 'COMPLETED'
                ORDER BY id DESC LIMIT 1""", Long.class, kind, sha256).stream().findFirst().flatMap(this::findRun);
    }

    @Override
    public void countDryRunRegistrations(long runId, long versions) {
        jdbc.update("UPDATE load_run SET registered = registered + ? WHERE id = ? AND kind = ?", versions, runId,
                LoadRun.DRY_RUN);
    }

    @Override
    public void write(long runId, List<StagedVersion> records) {
        if (records.isEmpty()) {
            return;
        }
        long[] ids = new long[records.size()];
        List<StagedVersion> collided = Objects.requireNonNull(jdbc.execute(
                (ConnectionCallback<List<StagedVersion>>) connection -> writeRows(connection, runId, records, ids)));
        stage(runId, collided);
        // pending already if it is a claimed load; pending from its first records if it is a Java API call
        Long written = jdbc.queryForObject("UPDATE load_run SET written = written + ?, pending = 1 WHERE id = ? "
                + "RETURNING written", Long.class, records.size() - collided.size(), runId);
        if (Objects.requireNonNull(written) <= largeRun) {
            noteGroups(runId, records, ids);
        }
    }

    /**
     * Writes the records' versions, with the id of each one's asset into {@code ids}, and returns the records whose
     * version was already written.
     */
    private List<StagedVersion> writeRows(Connection connection, long runId, List<StagedVersion> records, long[] ids)
            throws SQLException {
        assetIds(connection, runId, records, ids);
        List<StagedVersion> collided = new ArrayList<>();
        if (dialect.countsEachBatchedRow()) {
            insertCountingEachRow(connection, runId, records, ids, collided);
        } else {
            insertReturningWritten(connection, runId, records, ids, collided);
        }
        return collided;
    }

    /** A batch of one-row inserts, {@link #BATCH_SIZE} per execution, whose counts tell the rows written. */
    private static void insertCountingEachRow(Connection connection, long runId, List<StagedVersion> records,
                                              long[] ids, List<StagedVersion> collided) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO asset_version_row (asset_id, department, version, status, run_id, record_number)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int from = 0; from < records.size(); from += BATCH_SIZE) {
                int to = Math.min(records.size(), from + BATCH_SIZE);
                for (int i = from; i < to; i++) {
                    AssetVersion version = records.get(i).record().version();
                    insert.setLong(1, ids[i]);
                    insert.setString(2, version.department());
                    insert.setInt(3, version.version());
                    insert.setString(4, version.status());
                    insert.setLong(5, runId);
                    insert.setLong(6, records.get(i).position().recordNumber());
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = from; i < to; i++) {
                    if (counts[i - from] == 0) {
                        collided.add(records.get(i));
                    }
                }
            }
        }
    }

    /**
     * Inserts of {@link #BATCH_SIZE} rows each, which return the record numbers of the rows they wrote: for a driver
     * whose batches do not count each row. The run is a literal, so that a full page is the same statement in every
     * chunk of the run, which the driver prepares once.
     */
    private static void insertReturningWritten(Connection connection, long runId, List<StagedVersion> records,
                                               long[] ids, List<StagedVersion> collided) throws SQLException {
        try (PreparedStatement fullPage = records.size() < BATCH_SIZE ? null
                : connection.prepareStatement(insertReturningQuery(runId, BATCH_SIZE))) {
            for (int from = 0; from < records.size(); from += BATCH_SIZE) {
                int to = Math.min(records.size(), from + BATCH_SIZE);
                if (to - from == BATCH_SIZE) {
                    insertPage(fullPage, records, ids, from, to, collided);
                } else {
                    try (PreparedStatement lastPage = connection.prepareStatement(
                            insertReturningQuery(runId, to - from))) {
                        insertPage(lastPage, records, ids, from, to, collided);
                    }
                }
            }
        }
    }

    /** Writes {@code records[from, to)} with {@code insert}, and adds those it did not write to {@code collided}. */
    private static void insertPage(PreparedStatement insert, List<StagedVersion> records, long[] ids, int from, int to,
                                   List<StagedVersion> collided) throws SQLException {
        int parameter = 1;
        for (int i = from; i < to; i++) {
            AssetVersion version = records.get(i).record().version();
            insert.setLong(parameter++, ids[i]);
            insert.setString(parameter++, version.department());
            insert.setInt(parameter++, version.version());
            insert.setString(parameter++, version.status());
            insert.setLong(parameter++, records.get(i).position().recordNumber());
        }
        Set<Long> written = new HashSet<>();
        try (ResultSet rs = insert.executeQuery()) {
            while (rs.next()) {
                written.add(rs.getLong(1));
            }
        }
        if (written.size() < to - from) {
            for (int i = from; i < to; i++) {
                if (!written.contains(records.get(i).position().recordNumber())) {
                    collided.add(records.get(i));
                }
            }
        }
    }

    private static String insertReturningQuery(long runId, int rows) {
        return "INSERT INTO asset_version_row (asset_id, department, version, status, run_id, record_number) VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?, " + runId + ", ?)"))
                + " ON CONFLICT DO NOTHING RETURNING record_number";
    }

    /**
     * The id of each record's asset, creating the assets that do not exist yet, pending with the run. Set-wise: the
     * chunk's assets not known here are created a page of keys per statement, which hands back the ids of those it
     * created; only those it did not create (they existed) are looked up, a page of keys per query. Each record costs
     * one lookup in a map of the chunk's own assets, small enough to stay in the processor's cache; the ids known here
     * are asked once per asset of the chunk.
     */
    private void assetIds(Connection connection, long runId, List<StagedVersion> records, long[] ids)
            throws SQLException {
        assetIds.serve(runId);
        Map<AssetKey, AssetSlot> chunk = new HashMap<>();
        AssetSlot[] slots = new AssetSlot[ids.length];
        List<AssetKey> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            AssetKey key = records.get(i).record().asset();
            AssetSlot slot = chunk.get(key);
            if (slot == null) {
                Long known = assetIds.get(key);
                slot = new AssetSlot(known == null ? UNKNOWN : known);
                chunk.put(key, slot);
                if (known == null) {
                    unknown.add(key);
                }
            }
            slots[i] = slot;
        }
        if (!unknown.isEmpty()) {
            int[] found = {0};
            BiConsumer<AssetKey, Long> remember = (key, id) -> {
                chunk.get(key).id = id;
                assetIds.put(key, id);
                found[0]++;
            };
            inPages(connection, unknown, keys -> createQuery(runId, keys), remember);
            if (found[0] > 0) {
                forgetIdsOnRollback();
            }
            if (found[0] < unknown.size()) {
                List<AssetKey> existing = unknown.stream().filter(key -> chunk.get(key).id == UNKNOWN).toList();
                inPages(connection, existing, JdbcLoadStore::lookUpQuery, remember);
            }
        }
        for (int i = 0; i < ids.length; i++) {
            ids[i] = slots[i].id;
            if (ids[i] == UNKNOWN) {
                throw new IllegalStateException("Asset " + records.get(i).record().asset() + " vanished.");
            }
        }
    }

    /** The id of one of a chunk's assets, {@link #UNKNOWN} until it is found. */
    private static final class AssetSlot {

        private long id;

        AssetSlot(long id) {
            this.id = id;
        }
    }

    /**
     * Runs {@code query} (of a number of keys, taking each key's name and type as parameters, in order, and returning
     * rows of id, name and type) over the keys, {@link #KEYS_PER_QUERY} at a time, and hands out each row's id.
     */
    private static void inPages(Connection connection, List<AssetKey> keys, IntFunction<String> query,
                                BiConsumer<AssetKey, Long> found) throws SQLException {
        // one statement for every full page, prepared once: a statement of a thousand parameters costs to prepare
        try (PreparedStatement fullPage = keys.size() < KEYS_PER_QUERY ? null
                : connection.prepareStatement(query.apply(KEYS_PER_QUERY))) {
            for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
                List<AssetKey> page = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
                if (page.size() == KEYS_PER_QUERY) {
                    run(fullPage, page, found);
                } else {
                    try (PreparedStatement lastPage = connection.prepareStatement(query.apply(page.size()))) {
                        run(lastPage, page, found);
                    }
                }
            }
        }
    }

    private static void run(PreparedStatement query, List<AssetKey> page, BiConsumer<AssetKey, Long> found)
            throws SQLException {
        int parameter = 1;
        for (AssetKey key : page) {
            query.setString(parameter++, key.name());
            query.setString(parameter++, key.type());
        }
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                found.accept(new AssetKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
            }
        }
    }

    /**
     * Creates those of {@code keys} assets that do not exist, pending with the run, and returns the ids of those it
     * created. The run is a literal: a parameter would be one more per key.
     */
    private static String createQuery(long runId, int keys) {
        return "INSERT INTO asset_row (name, type, run_id) VALUES "
                + String.join(", ", Collections.nCopies(keys, "(?, ?, " + runId + ")"))
                + " ON CONFLICT DO NOTHING RETURNING id, name, type";
    }

    /** The ids of {@code keys} assets: a join on a list of values, which both databases drive by the unique index. */
    private static String lookUpQuery(int keys) {
        return "WITH k (name, type) AS (VALUES " + String.join(", ", Collections.nCopies(keys, "(?, ?)")) + ") "
                + "SELECT a.id, a.name, a.type FROM k JOIN asset_row a ON a.name = k.name AND a.type = k.type";
    }

    /** The ids of the assets this transaction created are void if it rolls back: forget every id then. */
    private void forgetIdsOnRollback() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        assetIds.clear();
                    }
                }
            });
        }
    }

    /**
     * Notes the groups (asset and department) of a small run's chunk in {@code run_group}, each once: the run's resolve
     * checks them for gaps, and removing the run's rows walks them, instead of every version in the registry.
     */
    private void noteGroups(long runId, List<StagedVersion> records, long[] ids) {
        Set<Group> groups = new LinkedHashSet<>();
        for (int i = 0; i < ids.length; i++) {
            groups.add(new Group(ids[i], records.get(i).record().version().department()));
        }
        jdbc.batchUpdate("INSERT INTO run_group (run_id, asset_id, department) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                groups, BATCH_SIZE, (ps, group) -> {
                    ps.setLong(1, runId);
                    ps.setLong(2, group.assetId());
                    ps.setString(3, group.department());
                });
    }

    private record Group(long assetId, String department) {
    }

    /** Keeps records aside for the resolve step, with their place in the file. */
    private void stage(long runId, List<StagedVersion> records) {
        if (records.isEmpty()) {
            return;
        }
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
        List<NumberedViolation> violations = new ArrayList<>(rows.size() * 2);
        for (ReportedRow row : rows) {
            int ordinal = 0;
            for (Violation violation : row.violations()) {
                violations.add(new NumberedViolation(row.position().recordNumber(), ordinal++, violation));
            }
        }
        jdbc.batchUpdate("INSERT INTO " + tables.violations + " (run_id, record_number, ordinal, rule, field, message) "
                + "VALUES (?, ?, ?, ?, ?, ?)", violations, BATCH_SIZE, (ps, numbered) -> {
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

    /**
     * In a transaction of its own unless the caller has one, so that a resolution is atomic however it is called.
     * Resolutions take turns ({@link SqlDialect#lockRegistration}) on a database that several processes write:
     * loads are already one at a time (one pending load per database), this keeps an API write or a maintenance
     * task from interleaving with the judgement.
     */
    @Override
    @Transactional
    public Resolution resolve(long runId, Consumer<StagedFinding> findings, Predicate<Resolution> keep) {
        dialect.lockRegistration(jdbc);
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

    /** In a transaction, as {@link #forEachWarning} is, so that PostgreSQL streams the rows through a cursor. */
    @Override
    @Transactional
    public void forEachReject(long runId, Consumer<Reject> action) {
        forEach(Reported.REJECTS, runId,
                row -> action.accept(new Reject(row.position(), row.violations(), row.recordJson())));
    }

    @Override
    @Transactional
    public void forEachWarning(long runId, Consumer<Warning> action) {
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

    @Override
    public List<Reject> rejects(long runId, String rule, long after, int limit) {
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

    @Override
    public RuleTally rejectTally(long runId) {
        return tally(Reported.REJECTS, runId);
    }

    @Override
    public RuleTally warningTally(long runId) {
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
            RuleTally rejects = rejectTally(runId);
            RuleTally warnings = warningTally(runId);
            return run.withTallies(rejects.records(), rejects.byRule(), warnings.records(), warnings.byRule());
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
        return runs.stream().map(run -> run.withTallies(
                "RUNNING".equals(run.status()) ? records(Reported.REJECTS, run.id()) : run.counts().rejected(),
                rejectsByRun.getOrDefault(run.id(), Map.of()), warnedByRun.getOrDefault(run.id(), 0L),
                warningsByRun.getOrDefault(run.id(), Map.of()))).toList();
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
