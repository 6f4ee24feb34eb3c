package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.storage.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads under a studio's rules file ({@code studio-rules.yml}: a {@code lighting} department, snake_case names as a
 * warning, a reject budget of 25%, reserved names) instead of the one in the jar. Its own application context, so
 * that the other tests keep the defaults.
 */
@TestPropertySource(properties = "registry.rules-file=src/test/resources/studio-rules.yml")
class StudioRulesLoadTests extends RegistryIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private AssetLoader loader;

    @Test
    void registersARecordOfTheDepartmentTheRulesFileAdds() {
        Path file = file("lighting.jsonl", record("hero", "character", "lighting", 1, "active"));

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(1L, 1L, 0L);
        assertThat(count("SELECT COUNT(*) FROM asset_version WHERE department = 'lighting'")).isEqualTo(1);
    }

    @Test
    void registersARecordThatBreaksAWarningRuleAndReportsTheWarningApart() throws IOException {
        Path file = file("names.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("HeroShip", "vehicle", "modeling", 1, "active")
                + record("Old-Lamp", "prop", "modeling", 1, "deprecated")
                + record("hero", "character", "modeling", 2, "active")
                + record("hero", "character", "rigging", 1, "active"));

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.rejected(), summary.warned()))
                .containsExactly(5L, 4L, 1L, 2L);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("status.unknown", 1L));
        assertThat(summary.warningsByRule()).containsExactly(Map.entry("name.pattern", 2L));
        assertThat(count("SELECT COUNT(*) FROM asset WHERE name = 'HeroShip'")).isEqualTo(1);
        List<JsonNode> warnings = lines(summary.reportDir().resolve("warnings.jsonl"));
        assertThat(warnings).extracting(w -> w.get("recordNumber").asLong()).containsExactly(2L, 3L);
        JsonNode heroShip = warnings.get(0).get("rules").get(0);
        assertThat(heroShip.get("id").asString()).isEqualTo("name.pattern");
        assertThat(heroShip.get("message").asString())
                .isEqualTo("asset.name \"HeroShip\" does not match ^[a-z][a-z0-9_]*$");
        assertThat(warnings.get(0).get("record").get("asset").get("name").asString()).isEqualTo("HeroShip");
        List<JsonNode> rejects = lines(summary.reportDir().resolve("rejects.jsonl"));
        assertThat(rejects).hasSize(1);
        assertThat(rejects.get(0).get("rules")).hasSize(1);
        assertThat(rejects.get(0).get("rules").get(0).get("id").asString()).isEqualTo("status.unknown");
        JsonNode counts = JSON.readTree(summary.reportDir().resolve("summary.json").toFile()).get("counts");
        assertThat(counts.get("rejected").asLong()).isEqualTo(1);
        assertThat(counts.get("warned").asLong()).isEqualTo(2);
    }

    @Test
    void rejectsANameOnTheDenyListOfTheExampleRule() throws IOException {
        Path file = file("reserved.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("tmp", "prop", "modeling", 1, "active")
                + record("lamp", "prop", "modeling", 1, "active")
                + record("hero", "character", "rigging", 1, "active"));

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(4L, 3L, 1L);
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("name.reserved", 1L));
        assertThat(count("SELECT COUNT(*) FROM asset WHERE name = 'tmp'")).isZero();
        JsonNode reject = lines(summary.reportDir().resolve("rejects.jsonl")).get(0);
        assertThat(reject.get("recordNumber").asLong()).isEqualTo(2);
        assertThat(reject.get("rules").get(0).get("id").asString()).isEqualTo("name.reserved");
        assertThat(reject.get("rules").get(0).get("message").asString()).isEqualTo("asset.name \"tmp\" is reserved");
    }

    @Test
    void aLoadAtItsRejectBudgetCompletes() {
        // 1 of 4 rejected: 25%, the budget
        Path file = file("at-budget.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("hero", "character", "modeling", 2, "active")
                + record("hero", "character", "rigging", 1, "active")
                + record("villain", "character", "modeling", 2, "active"));

        LoadSummary summary = loader.load(file);

        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(4L, 3L, 1L);
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(3);
    }

    @Test
    void aLoadBelowItsRejectBudgetCompletes() {
        // 1 of 5 rejected: 20%
        Path file = file("below-budget.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("hero", "character", "modeling", 2, "active")
                + record("hero", "character", "rigging", 1, "active")
                + record("lamp", "prop", "texturing", 1, "active")
                + record("lamp", "prop", "texturing", 1, "inactive"));

        LoadSummary summary = loader.load(file);

        assertThat(summary.completed()).isTrue();
        assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(5L, 4L, 1L);
    }

    @Test
    void aLoadOverItsRejectBudgetRegistersNothingFailsAndStillWritesItsReport() throws IOException {
        // given a registry that holds hero/character/modeling v1
        loader.load(file("first.jsonl", record("hero", "character", "modeling", 1, "active")));
        // 2 of 4 rejected, 50%: one by a record rule, one by a cross-record rule
        Path file = file("over-budget.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("hero", "character", "modeling", 2, "active")
                + record("lamp", "prop", "texturing", 1, "deprecated")
                + record("villain", "character", "modeling", 2, "active"));

        // when
        var thrown = catchThrowableOfType(RejectBudgetExceededException.class, () -> loader.load(file));

        // then
        assertThat(thrown).hasMessage("The load of " + file + " rejected 2 of 4 records (50%), more than "
                + "max-reject-rate 0.25 allows; nothing was registered");
        LoadSummary summary = thrown.summary().orElseThrow();
        assertThat(summary.status()).isEqualTo(RunStatus.FAILED);
        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(4L, 0L, 1L, 2L);
        assertThat(jdbc.queryForList("""
                SELECT a.name || '/' || v.department || ' v' || v.version
                FROM asset a JOIN asset_version v ON v.asset_id = a.id""", String.class))
                .containsExactly("hero/modeling v1");
        assertThat(jdbc.queryForList("SELECT name FROM asset", String.class)).containsExactly("hero");
        List<JsonNode> rejects = lines(summary.reportDir().resolve("rejects.jsonl"));
        assertThat(rejects).extracting(r -> r.get("rules").get(0).get("id").asString())
                .containsExactly("status.unknown", "version.sequence");
        JsonNode report = JSON.readTree(summary.reportDir().resolve("summary.json").toFile());
        assertThat(report.get("status").asString()).isEqualTo("FAILED");
        assertThat(report.get("counts").get("registered").asLong()).isZero();
        assertThat(report.get("counts").get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("file").get("sha256").asString()).hasSize(64);
        assertThat(summary.reportDir().resolve("warnings.jsonl")).exists();
    }

    @Test
    void loadingTheSameContentAgainAfterItWentOverBudgetStartsANewRunJudgedAfresh() {
        Path file = file("over-budget-twice.jsonl", record("hero", "character", "modeling", 1, "active")
                + record("lamp", "prop", "texturing", 1, "deprecated"));
        var first = catchThrowableOfType(RejectBudgetExceededException.class, () -> loader.load(file));

        var second = catchThrowableOfType(RejectBudgetExceededException.class, () -> loader.load(file));

        assertThat(second).isNotNull();
        LoadSummary again = second.summary().orElseThrow();
        assertThat(again.runId()).isNotEqualTo(first.summary().orElseThrow().runId());
        assertThat(List.of(again.read(), again.registered(), again.rejected())).containsExactly(2L, 0L, 1L);
        assertThat(count("SELECT COUNT(*) FROM asset")).isZero();
    }

    private static String record(String name, String type, String department, int version, String status) {
        return """
                {"asset": {"name": "%s", "type": "%s"}, "department": "%s", "version": %d, "status": "%s"}
                """.formatted(name, type, department, version, status);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(JSON::readTree).toList();
    }
}
