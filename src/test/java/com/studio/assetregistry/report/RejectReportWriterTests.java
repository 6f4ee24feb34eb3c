package com.studio.assetregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.StatusUnknownRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report file is written whole or not at all. */
class RejectReportWriterTests {

    @TempDir
    Path dir;

    private final RejectReportWriter writer = new RejectReportWriter(new RuleCatalogue(List.of(
            new StatusUnknownRule(ModelValues.defaults())), RulesFile.of("empty.yml", "")));

    @Test
    void aWriteThatFailsHalfwayLeavesTheEarlierFileWholeAndNoPartBehind() throws IOException {
        // given: the report of an earlier attempt
        var reject = new Reject(new RecordPosition(1, 1, 1, 0, 0),
                List.of(new Violation("status.unknown", "status", "status \"wip\" is not one of active, inactive")),
                "{\"status\": \"wip\"}");
        writer.writeRejects(dir, each -> each.accept(reject));
        String earlier = Files.readString(dir.resolve(RejectReportWriter.REJECTS_FILE));

        // when: the rejects' source fails after its first one (the database went away)
        assertThatThrownBy(() -> writer.writeRejects(dir, each -> {
            each.accept(reject);
            throw new IllegalStateException("the database went away");
        })).hasMessage("the database went away");

        // then
        assertThat(dir.resolve(RejectReportWriter.REJECTS_FILE)).hasContent(earlier.strip());
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(file -> file.getFileName().toString())
                    .containsExactly(RejectReportWriter.REJECTS_FILE);
        }
    }
}
