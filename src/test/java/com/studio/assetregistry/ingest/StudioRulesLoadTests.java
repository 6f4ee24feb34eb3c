package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.RegistryIntegrationTest;
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
 * warning) instead of the one in the jar. Its own application context, so that the other tests keep the defaults.
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
                + record("Old-Lamp", "prop", "modeling", 1, "deprecated"));

        LoadSummary summary = loader.load(file);

        assertThat(List.of(summary.read(), summary.registered(), summary.rejected(), summary.warned()))
                .containsExactly(3L, 2L, 1L, 2L);
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

    private static String record(String name, String type, String department, int version, String status) {
        return """
                {"asset": {"name": "%s", "type": "%s"}, "department": "%s", "version": %d, "status": "%s"}
                """.formatted(name, type, department, version, status);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(JSON::readTree).toList();
    }
}
