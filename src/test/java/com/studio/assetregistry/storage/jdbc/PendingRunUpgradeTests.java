package com.studio.assetregistry.storage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.StagedFinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A load killed under the schema before V8, which noted no groups, and resumed after the upgrade: V8 notes the groups
 * of every pending run, so that its resolution and its removal find every row it wrote.
 */
class PendingRunUpgradeTests {

    @TempDir
    Path dir;

    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private long run;

    @BeforeEach
    void aRunLeftPendingUnderV7() {
        dataSource = new SingleConnectionDataSource("jdbc:sqlite:" + dir.resolve("registry.db"), true);
        jdbc = new JdbcTemplate(dataSource);
        migrate("7");
        jdbc.update("INSERT INTO asset_row (id, name, type, run_id) VALUES (1, 'villain', 'character', 0)");
        jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id, record_number) "
                + "VALUES (1, 'fx', 1, 'active', 0, 1)");
        run = jdbc.queryForObject("INSERT INTO load_run (kind, source, started_at, status, pending, written) "
                + "VALUES ('load', 'killed.json', '2026-11-26T22:00:00Z', 'FAILED', 1, 4) RETURNING id", Long.class);
        jdbc.update("INSERT INTO asset_row (id, name, type, run_id) VALUES (2, 'hero', 'character', ?)", run);
        for (Object[] row : List.of(new Object[] {2, "modeling", 1, 1}, new Object[] {2, "modeling", 3, 2},
                new Object[] {2, "rigging", 1, 3}, new Object[] {1, "fx", 2, 4})) {
            jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id, record_number) "
                    + "VALUES (?, ?, ?, 'active', ?, ?)", row[0], row[1], row[2], run, row[3]);
        }
        migrate("latest");
    }

    @Test
    void notesTheGroupsOfThePendingRun() {
        assertThat(jdbc.queryForList("SELECT run_id, asset_id, department FROM run_group ORDER BY asset_id, department"))
                .extracting(row -> row.get("run_id"), row -> row.get("asset_id"), row -> row.get("department"))
                .containsExactly(tuple((int) run, 1, "fx"), tuple((int) run, 2, "modeling"), tuple((int) run, 2, "rigging"));
    }

    @Test
    void theResumedRunIsJudgedOnEveryRowItWroteBeforeTheUpgrade() {
        List<StagedFinding> findings = new ArrayList<>();

        Resolution resolution = new JdbcLoadStore(jdbc).resolve(run, findings::add);

        assertThat(resolution).isEqualTo(new Resolution(3, 0, 1));
        assertThat(findings).extracting(finding -> finding.position().recordNumber()).containsExactly(2L);
    }

    @Test
    void abandoningTheRunRemovesEveryRowItWroteBeforeTheUpgrade() {
        var store = new JdbcLoadStore(jdbc);
        assertThat(store.abandonRun(store.findRun(run).orElseThrow())).isTrue();

        assertThat(jdbc.queryForList("SELECT asset_id, department, version FROM asset_version_row"))
                .extracting(row -> row.get("asset_id"), row -> row.get("department"), row -> row.get("version"))
                .containsExactly(tuple(1, "fx", 1));
        assertThat(jdbc.queryForList("SELECT name FROM asset_row", String.class)).containsExactly("villain");
    }

    private void migrate(String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/sqlite").target(target).load()
                .migrate();
    }
}
