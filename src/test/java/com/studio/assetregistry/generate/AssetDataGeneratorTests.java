package com.studio.assetregistry.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssetDataGeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSameOptionsGiveTheSameFile() throws IOException {
        var options = new GeneratorOptions(2_000, 0.2, 42, false);

        assertThat(generate(options)).isEqualTo(generate(options));
        assertThat(generate(new GeneratorOptions(2_000, 0.2, 43, false))).isNotEqualTo(generate(options));
    }

    @Test
    void writesAnArrayOfTheRequestedNumberOfRecords() throws IOException {
        var out = new StringWriter();

        ExpectedOutcome expected = new AssetDataGenerator().generate(new GeneratorOptions(5_000, 0, 1, false), out);

        JsonNode array = JSON.readTree(out.toString());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(5_000);
        assertThat(expected).isEqualTo(new ExpectedOutcome(5_000, 5_000, 0, java.util.Map.of()));
    }

    @Test
    void writesOneRecordPerLineInJsonLines() throws IOException {
        String file = generate(new GeneratorOptions(300, 0, 1, true));

        assertThat(file.lines()).hasSize(300).allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).isTrue());
    }

    @Test
    void spreadsTheVersionsOfADepartmentThroughTheFileOutOfOrder() throws IOException {
        String file = generate(new GeneratorOptions(20_000, 0, 3, true));

        long outOfOrder = 0;
        var lastSeen = new java.util.HashMap<String, Integer>();
        for (String line : file.lines().toList()) {
            JsonNode record = JSON.readTree(line);
            String group = record.get("asset").get("name").asString() + "/" + record.get("department").asString();
            int version = record.get("version").asInt();
            Integer previous = lastSeen.put(group, version);
            if (previous != null && previous > version) {
                outOfOrder++;
            }
        }
        assertThat(outOfOrder).isGreaterThan(1_000);
        assertThat(lastSeen.size()).isLessThan(20_000 / 2); // most departments have several versions
    }

    @Test
    void breaksTheRequestedShareOfRecordsOverEveryRule() throws IOException {
        ExpectedOutcome expected = new AssetDataGenerator()
                .generate(new GeneratorOptions(10_000, 0.1, 5, false), new StringWriter());

        assertThat(expected.rejected()).isEqualTo(1_000);
        assertThat(expected.registered()).isEqualTo(9_000);
        assertThat(expected.rejectsByRule().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000);
        assertThat(expected.rejectsByRule()).containsKeys("json.syntax", "record.malformed", "asset.required",
                "name.required", "name.invalid", "type.required", "type.unknown", "department.required",
                "department.unknown", "version.required", "version.invalid", "status.required", "status.unknown",
                "version.duplicate", "version.sequence");
    }

    @Test
    void refusesAnErrorRateOutsideZeroToOne() {
        assertThatThrownBy(() -> new GeneratorOptions(10, 1.5, 1, false))
                .hasMessage("The error rate must be from 0 to 1, got 1.5");
    }

    private static String generate(GeneratorOptions options) throws IOException {
        var out = new StringWriter();
        new AssetDataGenerator().generate(options, out);
        return out.toString();
    }
}
