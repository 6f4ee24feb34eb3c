package com.studio.assetregistry.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.StatusUnknownRule;
import com.studio.assetregistry.validation.rules.VersionInvalidRule;
import java.io.IOException;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A report read back from its files alone, as the writer wrote it. */
class RejectReportReaderTests {

    @TempDir
    Path reports;

    private final RejectReportReader reader = new RejectReportReader();
    private final RejectReportWriter writer = new RejectReportWriter(new RuleCatalogue(List.of(
            new StatusUnknownRule(ModelValues.defaults()), new VersionInvalidRule()), RulesFile.of("empty.yml", "")));

    @Test
    void readsTheSummaryWithTheDescriptionOfEachRuleItCounts() {
        Path dir = writeRun(3);

        ReportSummary summary = reader.readSummary(dir);

        assertThat(summary.run()).isEqualTo(3);
        assertThat(summary.file()).isEqualTo(new ReportSummary.FileInfo("night.json", 300, "abc"));
        assertThat(summary.counts()).isEqualTo(new ReportSummary.Counts(4, 1, 0, 3, 0));
        assertThat(summary.rejectsByRule()).containsExactly(Map.entry("status.unknown", 2L),
                Map.entry("version.invalid", 2L));
        assertThat(summary.ruleDescriptions()).containsEntry("status.unknown", "status is not one of active, inactive")
                .containsKey("version.invalid");
    }

    @Test
    void streamsEveryRejectInRecordOrder() {
        Path dir = writeRun(3);
        List<ReportedReject> rejects = new ArrayList<>();

        reader.forEachReject(dir, rejects::add);

        assertThat(rejects).extracting(ReportedReject::recordNumber).containsExactly(1L, 2L, 4L);
        assertThat(rejects.get(0).line()).isEqualTo(10);
        assertThat(rejects.get(0).column()).isEqualTo(3);
        assertThat(rejects.get(0).broken("status.unknown")).hasValueSatisfying(rule ->
                assertThat(rule.message()).isEqualTo("status \"x\" is not one of active, inactive"));
        assertThat(rejects.get(0).record()).isEqualTo("{\"status\":\"x\",\"version\":0}");
        assertThat(rejects.get(2).record()).isEqualTo("\"{\\\"status\\\": \"");
    }

    @Test
    void aRejectReadBackKeepsItsRecordAsWrittenAndWritesAsItsLine() throws IOException {
        // numbers a parser into double would change: 1.10 to 1.1, 1E2 to 100.0, -0 to 0, 1e999999999 to Infinity
        String record = "{\"version\":1.10,\"extra\":[1E2,0.1e-400,-0,3.14159265358979323846264338327950288,"
                + "1e999999999,\"\\u00e9\\n\"],\"nested\":{\"a\":[{}]}}";
        Path dir = reports.resolve("5");
        writer.writeRejects(dir, action -> action.accept(new Reject(new RecordPosition(1, 1, 1, 0, 0),
                List.of(new Violation("version.invalid", "version", "version 1.10 is not an integer")), record)));
        List<ReportedReject> rejects = new ArrayList<>();

        reader.forEachReject(dir, rejects::add);

        assertThat(rejects).singleElement().satisfies(reject -> assertThat(reject.record()).isEqualTo(record));
        String line = Files.readString(dir.resolve(RejectReportWriter.REJECTS_FILE)).strip();
        assertThat(JsonMapper.builder().build().writeValueAsString(rejects.get(0))).isEqualTo(line);
    }

    @Test
    void sumsUpEachRuleWithItsShareOfRejectsAndItsFirstRecords() {
        RunReport report = reader.read(writeRun(3), 1);

        assertThat(report.rules()).extracting(RunReport.RuleReport::id, RunReport.RuleReport::rejects,
                RunReport.RuleReport::share).containsExactly(
                tuple("status.unknown", 2L, 0.6667),
                tuple("version.invalid", 2L, 0.6667));
        assertThat(report.rules().get(0).firstRejects()).extracting(ReportedReject::recordNumber)
                .containsExactly(1L);
        assertThat(report.rules().get(1).firstRejects()).extracting(ReportedReject::recordNumber)
                .containsExactly(1L);
        assertThat(report.rules().get(1).description()).startsWith("the version is not a JSON integer");
    }

    @Test
    void findsTheLatestRunByItsNumberNotItsName() throws IOException {
        writeRun(9);
        writeRun(10);
        Files.createDirectories(reports.resolve("11")); // a run still going: no summary yet
        Files.createDirectories(reports.resolve("notes"));

        assertThat(reader.latest(reports)).contains(reports.resolve("10"));
        assertThat(reader.latest(reports.resolve("nowhere"))).isEmpty();
    }

    @Test
    void aDirectoryWithoutASummaryIsNotAReportAndNeitherIsWhatIsNoDirectory() throws IOException {
        Files.createDirectories(reports.resolve("7"));
        assertThatThrownBy(() -> reader.readSummary(reports.resolve("7")))
                .isInstanceOf(ReportNotFoundException.class)
                .hasMessage("No report in " + reports.resolve("7") + ": it has no summary.json");
        assertThatThrownBy(() -> reader.readSummary(reports.resolve("8")))
                .isInstanceOf(ReportNotFoundException.class)
                .hasMessage("No report in " + reports.resolve("8") + ": no such directory");
        Path file = Files.writeString(reports.resolve("9"), "not a report");
        assertThatThrownBy(() -> reader.readSummary(file))
                .isInstanceOf(ReportNotFoundException.class)
                .hasMessage("No report in " + file + ": it is not a directory");
    }

    @Test
    void readsASummaryWrittenBeforeRuleDescriptionsWere() throws IOException {
        Path dir = Files.createDirectories(reports.resolve("1"));
        Files.writeString(dir.resolve("summary.json"), """
                {"run": 1, "file": {"path": "a.json", "size": 3, "sha256": "x"},
                 "startedAt": "2026-11-26T14:22:50.691Z", "endedAt": "2026-11-26T14:22:51.075Z",
                 "durationMillis": 384, "status": "COMPLETED",
                 "counts": {"read": 1, "registered": 0, "unchanged": 0, "rejected": 1},
                 "rejectsByRule": {"status.unknown": 1}}""");

        ReportSummary summary = reader.readSummary(dir);

        assertThat(summary.ruleDescriptions()).isEmpty();
        assertThat(summary.durationMillis()).isEqualTo(384);
        assertThat(summary.counts().warned()).isZero();
        assertThat(summary.warningsByRule()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no counts      | '{\"run\": 1, \"file\": {\"path\": \"a.json\"}, \"startedAt\": \"2026-11-26T14:22:50Z\", \"status\": \"COMPLETED\"}' | it lacks counts, which every report's summary has (edited by hand?)",
        "file null      | '{\"run\": 1, \"file\": null, \"counts\": {}, \"startedAt\": \"2026-11-26T14:22:50Z\", \"status\": \"COMPLETED\"}' | it lacks file, which every report's summary has (edited by hand?)",
        "negative count | '{\"run\": 1, \"file\": {}, \"counts\": {\"rejected\": -5}, \"startedAt\": \"2026-11-26T14:22:50Z\", \"status\": \"COMPLETED\"}' | its counts are not all 0 or more (edited by hand?)",
        "cut short      | '{\"run\": 1, \"file\": {\"path\": '                                                    | it is not valid JSON at line 1, column 29 (cut short, or edited by hand?)",
        "count as text  | '{\"run\": 1, \"file\": {}, \"counts\": {\"read\": \"twenty\"}, \"startedAt\": \"2026-11-26T14:22:50Z\", \"status\": \"COMPLETED\"}' | its counts.read is not what a report's summary holds there (edited by hand?)",
        "count too big  | '{\"run\": 1, \"file\": {}, \"counts\": {\"read\": 99999999999999999999999}, \"startedAt\": \"2026-11-26T14:22:50Z\", \"status\": \"COMPLETED\"}' | its counts.read is not what a report's summary holds there (edited by hand?)"})
    void aSummaryEditedByHandOrCutShortIsOneLineNamingWhatIsWrong(String what, String json, String problem)
            throws IOException {
        Path dir = Files.createDirectories(reports.resolve("3"));
        Path file = Files.writeString(dir.resolve("summary.json"), json);

        assertThatThrownBy(() -> reader.read(dir, 3))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read " + file + ": " + problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON      | garbage                                        | it is not valid JSON at column 1 (cut short, or edited by hand?)",
        "rules a text  | '{\"recordNumber\": 1, \"rules\": \"status.unknown\"}' | its rules is not what a reject's line holds there (edited by hand?)",
        "a rule's id an object | '{\"recordNumber\": 1, \"rules\": [{\"id\": {}}]}' | its rules[0].id is not what a reject's line holds there (edited by hand?)",
        "number too big | '{\"recordNumber\": 99999999999999999999999}' | its recordNumber is not what a reject's line holds there (edited by hand?)"})
    void aRejectsLineEditedByHandIsOneLineNamingWhatIsWrong(String what, String line, String problem)
            throws IOException {
        Path dir = writeRun(5);
        Path file = dir.resolve("rejects.jsonl");
        Files.writeString(file, Files.readString(file) + line + "\n");

        assertThatThrownBy(() -> reader.forEachReject(dir, reject -> { }))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read line 4 of " + file + ": " + problem);
    }

    private Path writeRun(long id) {
        Path dir = reports.resolve(Long.toString(id));
        var statusX = new Violation("status.unknown", "status", "status \"x\" is not one of active, inactive");
        var version0 = new Violation("version.invalid", "version", "version 0 is not an integer");
        writer.writeRejects(dir, action -> {
            action.accept(new Reject(new RecordPosition(1, 10, 3, 0, 0), List.of(statusX, version0),
                    "{\"status\":\"x\",\"version\":0}"));
            action.accept(new Reject(new RecordPosition(2, 11, 3, 0, 0), List.of(statusX), "{\"status\":\"x\"}"));
            action.accept(new Reject(new RecordPosition(4, 13, 3, 0, 0), List.of(version0), "\"{\\\"status\\\": \""));
        });
        Map<String, Long> byRule = new LinkedHashMap<>();
        byRule.put("status.unknown", 2L);
        byRule.put("version.invalid", 2L);
        var counts = new LoadRun.RunCounts(4, 1, 0, 3, byRule, 0, Map.of());
        var run = new LoadRun(id, "load", "night.json", 300, "abc", Instant.parse("2026-11-26T01:00:00Z"),
                Instant.parse("2026-11-26T01:00:02Z"), Duration.ZERO, RunStatus.COMPLETED, counts, dir.toString(),
                null, null, null);
        writer.writeSummary(dir, ReportSummary.of(run));
        return dir;
    }
}
