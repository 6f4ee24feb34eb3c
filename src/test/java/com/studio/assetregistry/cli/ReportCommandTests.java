package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code report} and {@code runs}: a load's report read back from its files, and the list of recent runs. */
class ReportCommandTests extends CommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path copy;

    private long run;

    @BeforeEach
    void loadTheErrorSample() {
        run("--reports", reports(), "load", "data/asset_data_errors.json");
        run = Long.parseLong(Path.of(out().substring(out().indexOf("report: ") + 8).trim()).getFileName().toString());
    }

    @Test
    void summarisesTheLatestRunPerRuleWithItsFirstRejects() {
        assertThat(report()).isZero();

        String report = out();
        assertThat(report).startsWith("run " + run + ": data/asset_data_errors.json, COMPLETED, started ")
                .contains("read 46, registered 14, unchanged 0, rejected 32\n\n"
                        + "RULE                 REJECTS  SHARE  DESCRIPTION\n"
                        + "version.invalid            6  18.8%  the version is not a JSON integer from 1 to 2147483647\n")
                .contains("""

                        version.invalid: first 5 of 6 rejects
                          RECORD  LINE  COLUMN  FIELD    MESSAGE
                        """)
                .contains("""

                        status.unknown: 1 reject
                          RECORD  LINE  COLUMN  FIELD   MESSAGE
                              41   344       3  status  status "deprecated" is not one of active, inactive
                        """)
                .endsWith("Every reject of a rule: asset-registry report " + run + " --rule version.invalid\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void listsEveryRejectOfOneRule() {
        assertThat(report(Long.toString(run), "--rule", "version.invalid")).isZero();

        var lines = out().lines().toList();
        assertThat(lines.get(1)).isEqualTo("version.invalid: 6 rejects (the version is not a JSON integer from 1 to "
                + "2147483647)");
        assertThat(lines.get(2)).isEqualTo("RECORD  LINE  COLUMN  FIELD    MESSAGE");
        assertThat(lines).hasSize(9);

        assertThat(report(Long.toString(run), "--rule", "version.invalid", "--first", "2")).isZero();
        assertThat(out().lines().toList()).hasSize(5).element(1).isEqualTo("version.invalid: first 2 of 6 rejects (the "
                + "version is not a JSON integer from 1 to 2147483647)");
        assertThat(report(Long.toString(run), "--rule", "version.invalid", "--first", "0")).isZero();
        assertThat(out().lines().toList()).hasSize(2).element(1).isEqualTo("version.invalid: 6 rejects (the version "
                + "is not a JSON integer from 1 to 2147483647)");
        assertThat(report(Long.toString(run), "--rule", "version.invalid", "--first", "1", "--json")).isZero();
        assertThat(JSON.readTree(out())).hasSize(1);

        assertThat(report(Long.toString(run), "--rule", "asset.exists")).isZero();
        assertThat(out()).contains("no record broke asset.exists; the rules it counts: version.invalid, ");
    }

    @Test
    void aRuleOptionThatIsNoRuleIdIsAUsageError() {
        assertThat(report(Long.toString(run), "--rule", "nope")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --rule \"nope\" is not a rule id, which is lower-case words joined by dots,"
                + " such as status.unknown (asset-registry rules lists them); see: asset-registry report --help\n");
        assertThat(out()).isEmpty();
        assertThat(report(Long.toString(run), "--rule", "Status.Unknown", "--json")).isEqualTo(2);
        assertThat(out()).as("no empty list for a script to take for no rejects").isEmpty();
        assertThat(report(Long.toString(run), "--rule", "a\u2028b.c")).isEqualTo(2);
        assertThat(err()).startsWith("error: --rule \"a\\u2028b.c\" is not a rule id").doesNotContain("\u2028");
        assertThat(report(Long.toString(run), "--rule", "status.unknown ")).isEqualTo(2);
        assertThat(err()).startsWith("error: --rule \"status.unknown \" is not a rule id");
    }

    @Test
    void printsTheReportAsJson() {
        assertThat(report("--json", "--first", "1")).isZero();

        JsonNode report = JSON.readTree(out());
        assertThat(report.get("summary").get("run").asLong()).isEqualTo(run);
        assertThat(report.get("summary").get("counts").get("rejected").asLong()).isEqualTo(32);
        JsonNode first = report.get("rules").get(0);
        assertThat(first.get("id").asString()).isEqualTo("version.invalid");
        assertThat(first.get("rejects").asLong()).isEqualTo(6);
        assertThat(first.get("share").asDouble()).isEqualTo(0.1875);
        assertThat(first.get("description").asString()).startsWith("the version is not");
        assertThat(first.get("firstRejects")).hasSize(1);
        assertThat(first.get("firstRejects").get(0).propertyNames())
                .containsExactly("recordNumber", "line", "column", "rules", "record");

        assertThat(report(Long.toString(run), "--rule", "status.unknown", "--json")).isZero();
        assertThat(JSON.readTree(out()).get(0).get("record").get("status").asString()).isEqualTo("deprecated");
    }

    @Test
    void readsACopiedReportWithoutARegistry() throws IOException {
        Path from = Path.of(reports(), Long.toString(run));
        for (String name : new String[] {"summary.json", "rejects.jsonl"}) {
            Files.copy(from.resolve(name), copy.resolve(name));
        }
        var output = new StringWriter();
        var errors = new StringWriter();
        CommandLine commandLine = AssetRegistryCommand.commandLine(options -> {
            throw new AssertionError("report started a registry");
        });
        commandLine.setOut(new PrintWriter(output, true));
        commandLine.setErr(new PrintWriter(errors, true));

        int exit = commandLine.execute("report", "--dir", copy.toString(), "--rule", "json.syntax");

        assertThat(exit).isZero();
        assertThat(errors.toString()).isEmpty();
        assertThat(output.toString()).contains("json.syntax: 2 rejects (the record is not well-formed JSON)");
    }

    @Test
    void readsTheReportsDirectoryTheEnvironmentSetsAsALoadWould() throws Exception {
        // given: a container's setting, read in a JVM of its own, working elsewhere
        var child = new ProcessBuilder(ChildJvm.command("report")).directory(copy.toFile());
        child.environment().put("REGISTRY_LOAD_REPORTSDIR", Path.of(reports()).toAbsolutePath().toString());

        // when
        Process report = child.start();
        String output = new String(report.getInputStream().readAllBytes());

        // then
        assertThat(report.waitFor()).as(new String(report.getErrorStream().readAllBytes())).isZero();
        assertThat(output).startsWith("run " + run + ": data/asset_data_errors.json, COMPLETED, started ");
    }

    @Test
    void aReportsDirectoryTheEnvironmentSetsToNothingIsRefusedNotTakenForTheDefault() throws Exception {
        // given: a cron line's REGISTRY_LOAD_REPORTSDIR="$DIR", DIR unset, where a reports directory exists
        for (List<String> command : List.of(List.of("report"), List.of("--db", "r.db", "load", "a.json"))) {
            var child = new ProcessBuilder(ChildJvm.command(command.toArray(String[]::new))).directory(copy.toFile());
            child.environment().put("REGISTRY_LOAD_REPORTSDIR", "");

            // when
            Process process = child.start();
            String errors = new String(process.getErrorStream().readAllBytes());

            // then
            assertThat(process.waitFor()).as(command.toString()).isEqualTo(1);
            assertThat(errors).isEqualTo("error: registry.load.reports-dir (REGISTRY_LOAD_REPORTSDIR) is empty; name a"
                    + " directory, or leave it unset for the default directory, reports\n");
        }
        assertThat(copy.resolve("r.db")).doesNotExist();
    }

    @Test
    void countsTheRecordsWithWarningsAsTheLoadsLineDoes() throws IOException {
        // given: the report of a run whose registered records had warnings
        Path from = Path.of(reports(), Long.toString(run));
        Files.copy(from.resolve("rejects.jsonl"), copy.resolve("rejects.jsonl"));
        Files.writeString(copy.resolve("summary.json"), Files.readString(from.resolve("summary.json"))
                .replaceFirst("\"warned\" : 0", "\"warned\" : 3"));
        out.getBuffer().setLength(0);

        assertThat(report("--dir", copy.toString())).isZero();
        assertThat(out()).contains("read 46, registered 14, unchanged 0, rejected 32, warned 3\n");
        out.getBuffer().setLength(0);
        assertThat(report()).isZero();
        assertThat(out()).as("none: not said").doesNotContain("warned");
    }

    @Test
    void namesTheRulesThatWarnedAndListsTheRecordsOfOne() throws IOException {
        // given: the report of a run two of whose registered records broke a rule made a warning
        Path from = Path.of(reports(), Long.toString(run));
        Files.copy(from.resolve("rejects.jsonl"), copy.resolve("rejects.jsonl"));
        Files.writeString(copy.resolve("summary.json"), Files.readString(from.resolve("summary.json"))
                .replaceFirst("\"warned\" : 0", "\"warned\" : 2")
                .replaceFirst("\"warningsByRule\" : \\{ ?}", "\"warningsByRule\" : {\"name.pattern\" : 2}"));
        Files.writeString(copy.resolve("warnings.jsonl"), warning(3, "Hero") + warning(9, "TreeA"));

        // when
        int summary = report("--dir", copy.toString());
        String report = out();
        int listed = report("--dir", copy.toString(), "--rule", "name.pattern");

        // then
        assertThat(summary).isZero();
        assertThat(report).endsWith("""

                Warnings (registered all the same): name.pattern 2
                Every warning of a rule: asset-registry report --dir %s --rule name.pattern
                """.formatted(copy));
        assertThat(listed).isZero();
        assertThat(out()).endsWith("""
                name.pattern: 2 warnings
                RECORD  LINE  COLUMN  FIELD       MESSAGE
                     3     3       1  asset.name  asset.name "Hero" does not match the studio's pattern
                     9     9       1  asset.name  asset.name "TreeA" does not match the studio's pattern
                """);
        assertThat(report("--dir", copy.toString(), "--rule", "name.pattern", "--json")).isZero();
        assertThat(JSON.readTree(out()).size()).isEqualTo(2);
    }

    private static String warning(int number, String name) {
        return "{\"recordNumber\":" + number + ",\"line\":" + number + ",\"column\":1,\"rules\":[{\"id\":"
                + "\"name.pattern\",\"field\":\"asset.name\",\"message\":\"asset.name \\\"" + name
                + "\\\" does not match the studio's pattern\"}],\"record\":{\"asset\":{\"name\":\"" + name
                + "\",\"type\":\"prop\"},\"department\":\"fx\",\"version\":1,\"status\":\"active\"}}\n";
    }

    @Test
    void theCommandItSuggestsQuotesADirectoryAsAShellNeedsIt() throws IOException {
        Path copied = Files.createDirectories(copy.resolve("night's reports"));
        Path from = Path.of(reports(), Long.toString(run));
        for (String name : new String[] {"summary.json", "rejects.jsonl"}) {
            Files.copy(from.resolve(name), copied.resolve(name));
        }

        assertThat(report("--dir", copied.toString())).isZero();

        String quoted = "'" + copied.toString().replace("'", "'\\''") + "'";
        assertThat(out()).contains("Every reject of a rule: asset-registry report --dir " + quoted + " --rule ");
        assertThat(quoted).endsWith("/night'\\''s reports'");
    }

    @Test
    void aRunWithoutAReportYetIsNamedNotSkippedSilently() throws IOException {
        // given: the reports of run 5, and the directory run 6 made as it started, which it left without a report
        Path reports = copy.resolve("reports");
        Path from = Path.of(reports(), Long.toString(run));
        Files.createDirectories(reports.resolve("5"));
        for (String name : new String[] {"summary.json", "rejects.jsonl"}) {
            Files.copy(from.resolve(name), reports.resolve("5").resolve(name));
        }
        Files.createDirectories(reports.resolve("6"));
        String notYet = "has no report yet: a run writes it when it ends, or when a load of the same file resumes it"
                + " if it was stopped or killed; asset-registry runs shows which";

        assertThat(run("--reports", reports.toString(), "report")).isZero();
        assertThat(out()).startsWith("run " + run + ": data/asset_data_errors.json, COMPLETED");
        assertThat(err()).isEqualTo("note: run 6 " + notYet + "; this is the report of run 5\n");
        assertThat(run("--reports", reports.toString(), "report", "6")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: Run 6 " + notYet + "\n");
        assertThat(out()).isEmpty();

        Files.delete(reports.resolve("5").resolve("summary.json"));
        assertThat(run("--reports", reports.toString(), "report")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: No report in " + reports + ": no load has written one there yet (run 6 "
                + notYet + ")\n");
    }

    @Test
    void aMissingReportIsExitCodeThreeAndAUsageErrorIsTwo() {
        assertThat(report("999999")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: No report of run 999999 in " + reports()
                + "; the recent runs: asset-registry runs\n");
        assertThat(report("--dir", copy.toString())).isEqualTo(3);
        assertThat(err()).isEqualTo("error: No report in " + copy + ": it has no summary.json\n");
        assertThat(report("--dir", copy.resolve("12").toString())).isEqualTo(3);
        assertThat(err()).isEqualTo("error: No report in " + copy.resolve("12") + ": no such directory\n");
        assertThat(run("--reports", copy.toString(), "report")).isEqualTo(3);
        assertThat(err()).startsWith("error: No report in " + copy + ": no load has written one there");

        assertThat(report("1", "--dir", copy.toString())).isEqualTo(2);
        assertThat(err()).startsWith("error: Give a RUN or --dir PATH, not both; see: asset-registry report --help\n");
        assertThat(report("--rule", "")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --rule needs a rule id, such as status.unknown; see: asset-registry report"
                + " --help\n");
        assertThat(report("latest")).isEqualTo(2);
        assertThat(err()).contains("'latest' is not a long").hasLineCount(1);
    }

    @Test
    void listsRecentRunsLatestFirst() {
        run("add", file("hero.json", """
                {"name": "newcomer", "type": "prop", "versions": [
                  {"department": "fx", "version": 1, "status": "active"}]}""").toString());

        assertThat(run("runs")).isZero();

        var lines = out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).matches("RUN +KIND +SOURCE +STARTED +DURATION +STATUS +READ +REGISTERED +UNCHANGED "
                + "+REJECTED");
        assertThat(lines.get(1)).matches(" *" + (run + 1) + "  api   addAsset newcomer/prop +\\d{4}-\\d\\d-\\d\\d "
                + "\\d\\d:\\d\\d:\\d\\d +\\d+ ms  COMPLETED +1 +1 +0 +0");
        assertThat(lines.get(2)).matches(" *" + run + "  load  data/asset_data_errors.json .* COMPLETED +46 +14 +0 +32");

        assertThat(run("runs", "--limit", "1", "--json")).isZero();
        JsonNode runs = JSON.readTree(out());
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).propertyNames()).containsExactly("id", "kind", "source", "startedAt",
                "endedAt", "durationMillis", "status", "counts", "rejectsByRule", "warningsByRule");
        assertThat(run("runs", "--limit", "0")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --limit must be 1 or more, got 0; see: asset-registry runs --help\n");
    }

    private int report(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--reports";
        all[1] = reports();
        all[2] = "report";
        System.arraycopy(args, 0, all, 3, args.length);
        return run(all);
    }

    private static String reports() {
        return WORK_DIR.resolve("reports").toString();
    }
}
