package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Runs recorded under the schema before V10, which did not say whether a run was resolved: V10 tells it from the
 * pending flag, so that a run killed after its resolution, and resumed after the upgrade, stays registered.
 */
class ResolvedRunUpgradeTests {

    @TempDir
    Path dir;

    @Test
    void marksAsResolvedTheRunsThatAreNotPendingAndWereNotAbandonedOrRefused() {
        var dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + dir.resolve("registry.db"), true);
        var jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "9");
        long killedAfterResolving = run(jdbc, "load", "RUNNING", 0, 3);
        long reportNotWritten = run(jdbc, "load", "FAILED", 0, 2);
        long dryRunKilledAfterResolving = run(jdbc, "dry-run", "RUNNING", 0, 2);
        long failedWhileStaging = run(jdbc, "load", "FAILED", 1, 5);
        long abandoned = run(jdbc, "load", "ABANDONED", 0, 4);
        long refusedAtItsStart = run(jdbc, "load", "FAILED", 0, 0);
        long apiAdd = run(jdbc, "api", "COMPLETED", 0, 1);

        migrate(dataSource, "latest");

        assertThat(jdbc.queryForList("SELECT id, resolved FROM load_run ORDER BY id"))
                .extracting(row -> ((Number) row.get("id")).longValue(), row -> row.get("resolved"))
                .containsExactly(tuple(killedAfterResolving, 1), tuple(reportNotWritten, 1),
                        tuple(dryRunKilledAfterResolving, 1), tuple(failedWhileStaging, 0), tuple(abandoned, 0),
                        tuple(refusedAtItsStart, 0), tuple(apiAdd, 0));
        // resumed after the upgrade, the first one is not pending again: its versions stay visible
        jdbc.update("UPDATE load_run SET pending = 0 WHERE id = ?", failedWhileStaging); // the place is free
        new JdbcLoadStore(jdbc).claimRun(killedAfterResolving, "c0ffee", "1@test");
        assertThat(jdbc.queryForObject("SELECT pending FROM load_run WHERE id = ?", Integer.class,
                killedAfterResolving)).isZero();
    }

    private static long run(JdbcTemplate jdbc, String kind, String status, int pending, long written) {
        return jdbc.queryForObject("INSERT INTO load_run (kind, source, started_at, status, pending, written) "
                + "VALUES (?, 'night.json', '2026-11-26T22:00:00Z', ?, ?, ?) RETURNING id", Long.class, kind, status,
                pending, written);
    }

    private static void migrate(SingleConnectionDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").target(target).load()
                .migrate();
    }
}
