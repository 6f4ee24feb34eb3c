package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.storage.LoadInProgressException;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadRun.RunCounts;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.Registration;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.RunAbandonedException;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.storage.StagedFinding;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.storage.Warning;
import java.nio.file.Path;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link LoadStore} over JDBC. A load's records are written once, straight into the registry's row tables, pending
 * ({@link PendingVersions}); the views that readers query hide them until the run's resolve step has judged them all
 * set-wise in SQL (groups with a gap found in one pass over the versions' primary key), removed those that may not
 * stay, and cleared the run's pending flag, in one transaction ({@link Resolver}). Records whose version was already
 * written are kept aside in {@code staged_version} for the resolve step. The versions have no index by run: it would
 * cost every row a second B-tree insert, a quarter of the write time. Rejects and warnings are kept by
 * {@link ReportedRecords}. This class keeps the runs themselves, and the transactions and the registration lock of
 * the operations that need them. Thread-safe.
 */
@Repository
class JdbcLoadStore implements LoadStore {

    /** Rows per JDBC batch, and per statement where a statement writes many rows. */
    static final int BATCH_SIZE = 1_000;

    /**
     * Above this many written rows, a run is large: the resolve step finds its gaps, and removing its rows finds them,
     * in one pass over all versions. Up to it, its chunks note the groups they write, and both walk only those.
     */
    private static final long LARGE_RUN = 50_000;

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final PendingVersions pending;
    private final Resolver resolver;
    private final ReportedRecords reported;
    /** The SQLite file of the registry, if known, for {@link #explain}. */
    private final Path databaseFile;

    @Autowired
    JdbcLoadStore(JdbcTemplate jdbc) {
        this(jdbc, LARGE_RUN);
    }

    /** A store that treats a run of more than {@code largeRun} written rows as large (tests try both ways). */
    JdbcLoadStore(JdbcTemplate jdbc, long largeRun) {
        this.jdbc = Objects.requireNonNull(jdbc, "The JdbcTemplate must not be null.");
        this.dialect = SqlDialect.of(jdbc);
        // about 20 MiB of heap when full: the most a load keeps alive, so it sets how far a load's heap grows
        var assetIds = new AssetIds(100_000);
        this.pending = new PendingVersions(jdbc, dialect, assetIds, largeRun);
        this.resolver = new Resolver(jdbc, dialect, assetIds, largeRun);
        this.reported = new ReportedRecords(jdbc);
        this.databaseFile = dialect == SqlDialect.SQLITE ? sqliteFile(jdbc) : null;
    }

    /** The file of a SQLite registry, as its JDBC URL names it; {@code null} for a {@code file:} URI. */
    private static Path sqliteFile(JdbcTemplate jdbc) {
        try {
            return SqliteUrl.file(JdbcUtils.extractDatabaseMetaData(Objects.requireNonNull(jdbc.getDataSource()),
                    DatabaseMetaData::getURL)).orElse(null);
        } catch (MetaDataAccessException | RuntimeException e) { // unknown, then: the message says "the database"
            return null;
        }
    }

    @Override
    public Optional<String> explain(Throwable failure) {
        return dialect == SqlDialect.SQLITE ? SqliteFailures.describe(failure, databaseFile) : Optional.empty();
    }

    @Override
    public long startRun(String kind, String source, long fileSize, Instant startedAt) {
        Long id = jdbc.queryForObject("""
                INSERT INTO load_run (kind, source, file_size, started_at, status)
                VALUES (?, ?, ?, ?, 'RUNNING') RETURNING id""", Long.class, kind, source, fileSize, startedAt.toString());
        return Objects.requireNonNull(id, "The database returned no run id.");
    }

    @Override
    public boolean claimRun(long runId, String sha256, String owner, String rules) {
        Instant now = Instant.now();
        // resumed: stopped since its last attempt's last sign, its end or, killed, its last heartbeat (read alone:
        // findRun would also tally the run's rejects, a pass over them at each resume)
        long paused = jdbc.queryForList("SELECT COALESCE(ended_at, heartbeat_at) FROM load_run WHERE id = ?",
                        String.class, runId).stream().filter(Objects::nonNull).findFirst()
                .map(lastSign -> Math.max(0, Duration.between(Instant.parse(lastSign), now).toMillis())).orElse(0L);
        try {
            return jdbc.update("""
                    UPDATE load_run SET sha256 = ?, owner = ?, status = 'RUNNING', ended_at = NULL, heartbeat_at = ?,
                                        rules_sha256 = COALESCE(rules_sha256, ?), paused_ms = paused_ms + ?,
                                        pending = CASE WHEN kind IN ('load', 'dry-run') AND resolved = 0 THEN 1
                                                       ELSE pending END
                    WHERE id = ? AND status <> 'ABANDONED'""", sha256, owner, now.toString(), rules, paused,
                    runId) == 1;
        } catch (DataIntegrityViolationException e) {
            throw new LoadInProgressException(findPendingLoad(runId).map(LoadRun::id).orElse(0L), e);
        }
    }

    @Override
    public void beat(Collection<Long> runIds, String owner, Instant at) {
        for (long runId : runIds) {
            jdbc.update("UPDATE load_run SET heartbeat_at = ? WHERE id = ? AND owner = ? AND status = 'RUNNING'",
                    at.toString(), runId, owner);
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
    public boolean abandonRun(LoadRun seen) {
        long runId = seen.id();
        dialect.lockRegistration(jdbc);
        // as seen, or another process resumed it meanwhile (or this one: a claim writes the heartbeat), or its process
        // beat since, or its registration committed while this waited for the lock: its rows are not to be removed.
        // It ended when it was last heard of, if it was: not now, when another load gives it up.
        if (jdbc.update("UPDATE load_run SET pending = 0, status = 'ABANDONED', "
                + "ended_at = COALESCE(ended_at, heartbeat_at, ?), "
                + "rejected = (SELECT COUNT(*) FROM reject WHERE run_id = ?) "
                + "WHERE id = ? AND pending = 1 AND status = ? AND owner IS NOT DISTINCT FROM ? "
                + "AND heartbeat_at IS NOT DISTINCT FROM ?", Instant.now().toString(), runId,
                runId, seen.status().name(), seen.owner(),
                seen.heartbeat() == null ? null : seen.heartbeat().toString()) == 0) {
            return false;
        }
        Long written = jdbc.queryForObject("SELECT written FROM load_run WHERE id = ?", Long.class, runId);
        resolver.removeRows(runId, Objects.requireNonNull(written));
        resolver.forgetWorkingSet(runId);
        return true;
    }

    @Override
    public List<LoadRun> findRegisteredUnfinished() {
        return jdbc.queryForList("""
                SELECT id FROM load_run
                WHERE kind = 'load' AND resolved = 1 AND over_budget = 0 AND status IN ('RUNNING', 'FAILED')
                ORDER BY id""", Long.class).stream().flatMap(id -> findRun(id).stream()).toList();
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
    public Registration registration(long runId) {
        List<Registration> found = jdbc.query("SELECT kind, resolved, over_budget FROM load_run WHERE id = ?",
                (rs, row) -> rs.getInt("resolved") == 0 ? Registration.PENDING
                        : rs.getInt("over_budget") == 0 && LoadRun.LOAD.equals(rs.getString("kind"))
                        ? Registration.COMMITTED : Registration.DISCARDED, runId);
        return found.isEmpty() ? Registration.PENDING : found.get(0);
    }

    @Override
    public void countDryRunRegistrations(long runId, long versions) {
        jdbc.update("UPDATE load_run SET registered = registered + ? WHERE id = ? AND kind = ?", versions, runId,
                LoadRun.DRY_RUN);
    }

    /**
     * In a transaction of its own unless the caller has one (a chunk's): its rows are written all or none, and on
     * SQLite no other writer can take the asset ids it gives out meanwhile.
     */
    @Override
    @Transactional
    public void write(long runId, List<StagedVersion> records) {
        pending.write(runId, records);
    }

    @Override
    public void reject(long runId, List<Reject> rejects) {
        reported.reject(runId, rejects);
    }

    @Override
    public void warn(long runId, List<Warning> warnings) {
        reported.warn(runId, warnings);
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
        String status = jdbc.queryForObject("SELECT status FROM load_run WHERE id = ?", String.class, runId);
        if (RunStatus.ABANDONED.name().equals(status)) {
            throw new RunAbandonedException(runId); // its rows are gone: registering would register none of them
        }
        return resolver.resolve(runId, findings, keep);
    }

    /** In a transaction, as {@link #forEachWarning} is, so that PostgreSQL streams the rows through a cursor. */
    @Override
    @Transactional
    public void forEachReject(long runId, Consumer<Reject> action) {
        reported.forEachReject(runId, action);
    }

    @Override
    @Transactional
    public void forEachWarning(long runId, Consumer<Warning> action) {
        reported.forEachWarning(runId, action);
    }

    @Override
    public List<Reject> rejects(long runId, String rule, long after, int limit) {
        return reported.rejects(runId, rule, after, limit);
    }

    @Override
    public RuleTally rejectTally(long runId) {
        return reported.rejectTally(runId);
    }

    @Override
    public RuleTally warningTally(long runId) {
        return reported.warningTally(runId);
    }

    @Override
    public void finishRun(long runId, RunStatus status, Instant endedAt, long read, String sha256, String reportDir) {
        jdbc.update("""
                UPDATE load_run SET status = ?, ended_at = ?, read_count = ?,
                                    rejected = (SELECT COUNT(*) FROM reject WHERE run_id = ?),
                                    sha256 = COALESCE(?, sha256), report_dir = COALESCE(?, report_dir)
                WHERE id = ? AND status <> 'ABANDONED'""", status.name(), endedAt.toString(), read, runId, sha256,
                reportDir, runId);
    }

    @Override
    public void recordRead(long runId, long read, Instant at) {
        jdbc.update("UPDATE load_run SET read_count = CASE WHEN read_count < ? THEN ? ELSE read_count END, "
                + "heartbeat_at = ? WHERE id = ? AND status <> 'ABANDONED'", read, read, at.toString(), runId);
    }

    @Override
    public void recordReportDir(long runId, String reportDir) {
        jdbc.update("UPDATE load_run SET report_dir = ? WHERE id = ?", reportDir, runId);
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
        Map<Long, Map<String, Long>> rejectsByRun = reported.rejectsByRuleOfRuns(first, last);
        Map<Long, Map<String, Long>> warningsByRun = reported.warningsByRuleOfRuns(first, last);
        Map<Long, Long> warnedByRun = reported.warnedOfRuns(first, last);
        return runs.stream().map(run -> run.withTallies(
                run.status() == RunStatus.RUNNING ? reported.rejectCount(run.id()) : run.counts().rejected(),
                rejectsByRun.getOrDefault(run.id(), Map.of()), warnedByRun.getOrDefault(run.id(), 0L),
                warningsByRun.getOrDefault(run.id(), Map.of()))).toList();
    }

    private static LoadRun run(ResultSet rs, int rowNum) throws SQLException {
        String ended = rs.getString("ended_at");
        String heartbeat = rs.getString("heartbeat_at");
        var counts = new RunCounts(rs.getLong("read_count"), rs.getLong("registered"), rs.getLong("unchanged"),
                rs.getLong("rejected"), Map.of(), 0, Map.of());
        return new LoadRun(rs.getLong("id"), rs.getString("kind"), rs.getString("source"),
                rs.getLong("file_size"), rs.getString("sha256"), Instant.parse(rs.getString("started_at")),
                ended == null ? null : Instant.parse(ended), Duration.ofMillis(rs.getLong("paused_ms")),
                RunStatus.valueOf(rs.getString("status")), counts,
                rs.getString("report_dir"), rs.getString("owner"), heartbeat == null ? null : Instant.parse(heartbeat),
                rs.getString("rules_sha256"));
    }
}
