package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.RunAbandonedException;
import com.studio.assetregistry.storage.StagedVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How a load's chunks write: each record's version straight into {@code asset_version_row}, pending with its run, its
 * asset created or looked up set-wise (and its id remembered for the run's next chunks), and the records whose version
 * was already written kept aside in {@code staged_version} for the resolution ({@link Resolver}). Thread-safe.
 */
final class PendingVersions {

    /** Assets created or looked up per statement when a chunk writes to assets not known here: 1,000 parameters. */
    private static final int KEYS_PER_QUERY = 500;

    /** An asset id not known yet: ids are positive. */
    private static final long UNKNOWN = 0;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final AssetIds assetIds;
    private final long largeRun;

    PendingVersions(JdbcTemplate jdbc, SqlDialect dialect, AssetIds assetIds, long largeRun) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.assetIds = assetIds;
        this.largeRun = largeRun;
    }

    /**
     * Writes the records' versions, pending with the run, and keeps aside those whose version is already written
     * (registered, or by an earlier record of the run) for the resolution. In the caller's transaction.
     */
    void write(long runId, List<StagedVersion> records) {
        if (records.isEmpty()) {
            return;
        }
        long[] ids = new long[records.size()];
        List<StagedVersion> collided = Objects.requireNonNull(jdbc.execute(
                (ConnectionCallback<List<StagedVersion>>) connection -> writeRows(connection, runId, records, ids)));
        stage(runId, collided);
        // pending already if it is a claimed load; pending from its first records if it is a Java API call; not if
        // another process abandoned it meanwhile, having taken this one for gone: its rows would stay, unregistered
        Long written = jdbc.queryForList("UPDATE load_run SET written = written + ?, pending = 1 "
                        + "WHERE id = ? AND status <> 'ABANDONED' RETURNING written", Long.class,
                records.size() - collided.size(), runId).stream().findFirst()
                .orElseThrow(() -> new RunAbandonedException(runId));
        if (written <= largeRun) {
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

    /**
     * A batch of one-row inserts, {@link JdbcLoadStore#BATCH_SIZE} per execution, whose counts tell the rows written.
     */
    private static void insertCountingEachRow(Connection connection, long runId, List<StagedVersion> records,
                                              long[] ids, List<StagedVersion> collided) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO asset_version_row (asset_id, department, version, status, run_id, record_number)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            for (int from = 0; from < records.size(); from += JdbcLoadStore.BATCH_SIZE) {
                int to = Math.min(records.size(), from + JdbcLoadStore.BATCH_SIZE);
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
     * Inserts of {@link JdbcLoadStore#BATCH_SIZE} rows each, which return the record numbers of the rows they wrote:
     * for a driver whose batches do not count each row. The run is a literal, so that a full page is the same
     * statement in every chunk of the run, which the driver prepares once.
     */
    private static void insertReturningWritten(Connection connection, long runId, List<StagedVersion> records,
                                               long[] ids, List<StagedVersion> collided) throws SQLException {
        try (PreparedStatement fullPage = records.size() < JdbcLoadStore.BATCH_SIZE ? null
                : connection.prepareStatement(insertReturningQuery(runId, JdbcLoadStore.BATCH_SIZE))) {
            for (int from = 0; from < records.size(); from += JdbcLoadStore.BATCH_SIZE) {
                int to = Math.min(records.size(), from + JdbcLoadStore.BATCH_SIZE);
                if (to - from == JdbcLoadStore.BATCH_SIZE) {
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
        AssetIds.RunIds known = assetIds.serve(runId);
        Map<AssetKey, AssetSlot> chunk = new HashMap<>();
        AssetSlot[] slots = new AssetSlot[ids.length];
        List<AssetKey> unknown = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            AssetKey key = records.get(i).record().asset();
            AssetSlot slot = chunk.get(key);
            if (slot == null) {
                Long id = known.get(key);
                slot = new AssetSlot(id == null ? UNKNOWN : id);
                chunk.put(key, slot);
                if (id == null) {
                    unknown.add(key);
                }
            }
            slots[i] = slot;
        }
        if (!unknown.isEmpty()) {
            int[] found = {0};
            BiConsumer<AssetKey, Long> remember = (key, id) -> {
                chunk.get(key).id = id;
                known.put(key, id);
                found[0]++;
            };
            if (dialect.writesOneAtATime() && dialect.countsEachBatchedRow()) {
                createNumbered(connection, runId, unknown, remember);
            } else {
                inPages(connection, unknown, keys -> createQuery(runId, keys), remember);
            }
            if (found[0] > 0) {
                forgetOnRollback(known);
            }
            if (found[0] < unknown.size()) {
                List<AssetKey> existing = unknown.stream().filter(key -> chunk.get(key).id == UNKNOWN).toList();
                inPages(connection, existing, PendingVersions::lookUpQuery, remember);
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
     * Creates those of {@code keys} assets that do not exist, pending with the run, and hands out the ids of those it
     * created, numbering them itself from the highest id. Only on a database whose writing transaction keeps every
     * other writer out until it ends ({@link SqlDialect#writesOneAtATime}), inside the transaction that
     * {@link JdbcLoadStore#write} makes sure of: no one else can take those numbers meanwhile. A batch of one-row inserts, whose counts tell the rows written, costs SQLite a
     * third of what {@link #createQuery} costs, which must hand each row's key back to be matched to its id. A key
     * that exists already leaves its number unused.
     */
    private static void createNumbered(Connection connection, long runId, List<AssetKey> keys,
                                       BiConsumer<AssetKey, Long> created) throws SQLException {
        // the write lock first, should the transaction have begun DEFERRED (one that SqliteTransactionManager did not
        // begin): no other writer can then commit between the read and the inserts
        try (PreparedStatement lock = connection.prepareStatement("UPDATE load_run SET written = written WHERE id = ?")) {
            lock.setLong(1, runId);
            lock.executeUpdate();
        }
        long first;
        try (PreparedStatement highest = connection.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM asset_row");
             ResultSet rs = highest.executeQuery()) {
            rs.next();
            first = rs.getLong(1);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO asset_row (id, name, type, run_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int from = 0; from < keys.size(); from += JdbcLoadStore.BATCH_SIZE) {
                int to = Math.min(keys.size(), from + JdbcLoadStore.BATCH_SIZE);
                for (int i = from; i < to; i++) {
                    insert.setLong(1, first + i);
                    insert.setString(2, keys.get(i).name());
                    insert.setString(3, keys.get(i).type());
                    insert.setLong(4, runId);
                    insert.addBatch();
                }
                int[] counts = insert.executeBatch();
                for (int i = from; i < to; i++) {
                    if (counts[i - from] > 0) {
                        created.accept(keys.get(i), first + i);
                    }
                }
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
    private static void forgetOnRollback(AssetIds.RunIds known) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        known.clear();
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
                groups, JdbcLoadStore.BATCH_SIZE, (ps, group) -> {
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
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", records, JdbcLoadStore.BATCH_SIZE, (ps, staged) -> {
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
}
