package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code add}, {@code get} and {@code list} on a real registry, through picocli. */
class AssetCommandsTests extends CommandTest {

    private static final String HERO = """
            {"name": "hero", "type": "character", "versions": [
              {"department": "modeling", "version": 1, "status": "active"},
              {"department": "modeling", "version": 2, "status": "inactive"},
              {"department": "rigging", "version": 1, "status": "active"}]}""";

    @Test
    void addsAnAssetAndShowsItCompactly() {
        assertThat(run("add", file("hero.json", HERO).toString())).isZero();
        assertThat(out()).isEqualTo("added hero/character with 3 versions: modeling v1-2, rigging v1\n");

        assertThat(run("get", "hero", "character")).isZero();
        assertThat(out()).isEqualTo("""
                hero/character: 3 versions (2 active, 1 inactive) in 2 departments
                DEPARTMENT  VERSIONS  LATEST  STATUS
                modeling           2  v2      inactive
                rigging            1  v1      active
                """);
        assertThat(err()).isEmpty();

        assertThat(run("get", "hero", "character", "--json")).isZero();
        assertThat(out()).isEqualTo("""
                {"name":"hero","type":"character","versions":3,"statuses":{"active":2,"inactive":1},\
                "departments":[{"department":"modeling","versions":2,"latestVersion":2,"latestStatus":"inactive"},\
                {"department":"rigging","versions":1,"latestVersion":1,"latestStatus":"active"}]}
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"export", "get hero character", "list", "runs", "rules"})
    void aCommandWhoseOutputCannotBeWrittenExitsWithOneAndSaysSo(String command) {
        assertThat(run("add", file("hero.json", HERO).toString())).isZero();
        Writer full = new Writer() { // as standard output on a full disk
            @Override
            public void write(char[] text, int offset, int length) throws IOException {
                throw new IOException("No space left on device");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };

        int exit = runWritingTo(full, "", command.split(" "));

        assertThat(exit).isEqualTo(1);
        assertThat(err()).isEqualTo("error: Cannot write standard output (a full disk? a closed file?): what the"
                + " command printed is incomplete\n");
    }

    @Test
    void addsAnAssetFromLoadFormatRecords() {
        Path records = file("hero.jsonl", """
                {"asset": {"name": "hero", "type": "prop"}, "department": "fx", "version": 1, "status": "active"}
                """);

        assertThat(run("add", records.toString())).isZero();
        assertThat(out()).isEqualTo("added hero/prop with 1 version: fx v1\n");

        // one record over several lines, as a pretty-printer writes it
        Path pretty = file("villain.json", """
                {
                  "asset": {"name": "villain", "type": "prop"},
                  "department": "fx",
                  "version": 1,
                  "status": "active"
                }
                """);
        assertThat(run("add", pretty.toString())).isZero();
        assertThat(out()).isEqualTo("added villain/prop with 1 version: fx v1\n");
    }

    @Test
    void refusesAnInvalidAssetListingEveryViolationAndExitsOne() {
        Path bad = file("bad.json", """
                {"name": " hero", "type": "human", "versions": [
                  {"department": "modeling", "version": "1", "status": "active"},
                  {"department": "lighting", "version": 1, "status": "deprecated"}]}""");

        assertThat(run("add", bad.toString())).isEqualTo(1);

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("error: " + bad + " was not added: it breaks 5 rules; fix them and add it again\n"
                + """
                  RULE                FIELD                   MESSAGE
                  name.invalid        name                    asset.name " hero" has leading or trailing white space
                  type.unknown        type                    asset.type "human" is not one of character, prop, set, \
                environment, vehicle, dressing, fx
                  version.invalid     versions[0].version     version "1" (a string) is not an integer from 1 to \
                2147483647
                  department.unknown  versions[1].department  department "lighting" is not one of modeling, \
                texturing, rigging, animation, cfx, fx
                  status.unknown      versions[1].status      status "deprecated" is not one of active, inactive
                """);
        assertThat(run("list")).isZero();
        assertThat(out()).isEqualTo("no asset is registered\n");
    }

    @Test
    void refusesADocumentNestedDeeperThanTheLimitNamingTheLimitsProperty() {
        Path deep = file("deep.json", "{\"name\": \"hero\", \"type\": \"prop\",\n \"notes\": " + "[".repeat(70)
                + "]".repeat(70) + "}");

        assertThat(run("add", deep.toString())).isEqualTo(1);

        assertThat(err()).contains("record.too_large")
                .contains("line 2, column 74: Document nesting depth (65) exceeds the maximum allowed "
                        + "(64, registry.reader.max-nesting-depth)")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void refusesADocumentInUtf16NamingItsEncoding() throws IOException {
        Path unicode = Files.write(WORK_DIR.resolve("hero-unicode.json"),
                ("\uFEFF" + HERO).getBytes(StandardCharsets.UTF_16LE));

        assertThat(run("add", unicode.toString())).isEqualTo(1);

        assertThat(err()).contains("json.syntax")
                .contains("the file is UTF-16LE text, not UTF-8; convert it first, for example with iconv -f UTF-16LE "
                        + "-t UTF-8");
        assertThat(run("list")).isZero();
        assertThat(out()).isEqualTo("no asset is registered\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"UTF-16LE, UTF-16LE", "UTF-16BE, UTF-16BE", "UTF-32LE, UTF-32LE"})
    void refusesLoadFormatRecordsInUtf16Or32NamingTheirEncodingAsALoadDoes(String charset, String named)
            throws IOException {
        // given: an array of load-format records, without a byte-order mark, as iconv -t UTF-16LE writes it
        Path records = Files.write(WORK_DIR.resolve("records-" + charset + ".json"), ("[{\"asset\": {\"name\": \"u\","
                + " \"type\": \"prop\"}, \"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}]")
                .getBytes(Charset.forName(charset)));

        assertThat(run("add", records.toString())).isEqualTo(1);
        assertThat(err()).contains("json.syntax").contains("the file is " + named + " text, not UTF-8; convert it"
                + " first, for example with iconv -f " + named + " -t UTF-8").doesNotContain("unexpected content");

        assertThat(run("versions", "add", "hero", "character", records.toString())).isEqualTo(1);
        assertThat(err()).contains("the file is " + named + " text, not UTF-8");
    }

    @Test
    void addsAnAssetFromStandardInput() {
        assertThat(runWithInput(HERO, "add", "-")).isZero();

        assertThat(out()).isEqualTo("added hero/character with 3 versions: modeling v1-2, rigging v1\n");
        assertThat(run("versions", "list", "hero", "character", "--json")).isZero();
        assertThat(out()).isEqualTo("""
                [
                {"department":"modeling","version":1,"status":"active"},
                {"department":"modeling","version":2,"status":"inactive"},
                {"department":"rigging","version":1,"status":"active"}
                ]
                """);
    }

    @Test
    void refusesAnInvalidAssetFromStandardInputListingEveryViolation() {
        String records = """
                {"asset": {"name": "hero", "type": "prop"}, "department": "fx", "version": 1, "status": "wip"}
                {"asset": {"name": "hero", "type": "prop"}, "department": "fx", "version": 2 "status": "active"}
                """;

        assertThat(runWithInput(records, "add", "-")).isEqualTo(1);

        assertThat(err().lines().findFirst()).contains(
                "error: standard input was not added: it breaks 2 rules; fix them and add it again");
        assertThat(err()).contains("status.unknown", "record 1 (line 1, column 1): status \"wip\"",
                "json.syntax", "record 2 (line 2, column 1)");
        assertThat(runWithInput("", "add", "-")).isEqualTo(1);
        assertThat(err()).startsWith("error: standard input was not added: it breaks a rule")
                .contains("json.syntax", "is empty");
        assertThat(run("list")).isZero();
        assertThat(out()).isEqualTo("no asset is registered\n");
    }

    @Test
    void refusesAnAssetThatIsAlreadyRegisteredOrAFileThatIsNotThere() {
        run("add", file("hero.json", HERO).toString());

        assertThat(run("add", file("hero.json", HERO).toString())).isEqualTo(1);
        assertThat(err()).contains("it breaks a rule", "asset.exists", "hero/character is already registered");

        assertThat(run("add", "nowhere.json")).isEqualTo(1);
        assertThat(err()).isEqualTo("error: Cannot read nowhere.json: no such file\n");
    }

    @Test
    void aMissingAssetIsOneLineAndExitCodeThree() {
        assertThat(run("get", "hero", "character")).isEqualTo(3);

        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo(
                "error: hero/character is not registered; look for it with: asset-registry list --name-like 'hero*'\n");
        assertThat(run("get", "it's", "prop")).isEqualTo(3);
        assertThat(err()).isEqualTo("error: it's/prop is not registered; look for it with: asset-registry list "
                + "--name-like 'it'\\''s*'\n");
        assertThat(run("get", "hero", "character", "--json")).isEqualTo(3);
        assertThat(out()).isEmpty();
    }

    @Test
    void listsAssetsInAnAlignedTableOrAsJsonFilteredByTypeAndName() {
        run("load", "data/asset_data.json");

        assertThat(run("list", "--type", "prop")).isZero();
        assertThat(out()).isEqualTo("""
                NAME             TYPE  VERSIONS
                hero             prop         1
                sword_legendary  prop         1
                treasure_chest   prop         1
                """);
        assertThat(run("list", "--name-like", "H*", "--json")).isZero();
        assertThat(out()).isEqualTo("""
                [
                {"name":"hero","type":"character","versions":4},
                {"name":"hero","type":"fx","versions":1},
                {"name":"hero","type":"prop","versions":1},
                {"name":"horse","type":"fx","versions":1}
                ]
                """);
        assertThat(run("list", "--name-like", "nobody*", "--json")).isZero();
        assertThat(out()).isEqualTo("[]\n");
        assertThat(run("list", "--type", "vehicle", "--name-like", "x?")).isZero();
        assertThat(out()).isEqualTo("no asset matches\n");
    }

    @Test
    void aNameThatBreaksTheLineIsPrintedEscapedAsEveryMessagePrintsIt() {
        // given: a name an earlier release registered, before name.invalid refused line separators
        jdbc.update("INSERT INTO asset_row (id, name, type, run_id) VALUES (1, 'two\u2028lines', 'prop', 0)");
        jdbc.update("INSERT INTO asset_version_row (asset_id, department, version, status, run_id) "
                + "VALUES (1, 'fx', 1, 'active', 0)");

        assertThat(run("get", "two\u2028lines", "prop")).isZero();
        assertThat(out()).startsWith("two\\u2028lines/prop: 1 version (1 active) in 1 department\n")
                .doesNotContain("\u2028");
        assertThat(run("versions", "list", "two\u2028lines", "prop", "--status", "inactive")).isZero();
        assertThat(out()).endsWith("no version of two\\u2028lines/prop matches\n");
        assertThat(run("list")).isZero();
        assertThat(out()).contains("two\\u2028lines").doesNotContain("\u2028");
    }

    @Test
    void anAddOfADocumentThatHoldsNoRecordIsRefusedSayingSo() {
        Path empty = file("empty.json", "[]");

        assertThat(run("add", empty.toString())).isEqualTo(1);
        assertThat(err().lines().toList()).containsExactly(
                "error: " + empty + " was not added: it breaks a rule; fix it and add it again",
                "  RULE            FIELD     MESSAGE",
                "  asset.versions  versions  the document holds no record");
    }

    @Test
    void aTypeNoAssetCanHaveIsAUsageErrorNotAnEmptyList() {
        run("load", "data/asset_data.json");

        assertThat(run("list", "--type", "charcter", "--json")).isEqualTo(2);
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("error: unknown type 'charcter': the types are character, prop, set, environment, "
                + "vehicle, dressing, fx; see: asset-registry list --help\n");
        assertThat(run("list", "--type", "bad\u2028type")).isEqualTo(2);
        assertThat(err()).startsWith("error: unknown type 'bad\\u2028type'").hasLineCount(1);
        assertThat(run("list", "--type", "dressing")).isZero(); // known, though no dressing is registered
        assertThat(out()).isEqualTo("no asset matches\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"list", "list --json", "export -"})
    void aCommandWhoseReaderClosedThePipeStopsReadingTheRegistryAndEndsQuietly(String command) {
        // given: more assets than a page, and an output whose reader has gone, as `asset-registry list | head -1` has
        run("load", file("many.jsonl", IntStream.range(0, 3_000).mapToObj(i -> "{\"asset\": {\"name\": \"a" + i
                + "\", \"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}")
                .collect(Collectors.joining("\n"))).toString());
        AtomicInteger writes = new AtomicInteger();
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                writes.incrementAndGet();
                throw new IOException("Broken pipe");
            }
        };

        // when
        int exit = runWritingTo(new StandardOutput(closedPipe), command.split(" "));

        // then: it stopped after its first failed write, or for the table the block of rows it aligns together
        // (1,000), rather than try a write for each of its 3,000 lines after reading the whole registry
        assertThat(err()).isEmpty();
        assertThat(exit).isEqualTo(AssetRegistryCommand.PIPE_CLOSED);
        assertThat(writes.get()).isLessThan(command.equals("list") ? 1_500 : 5);
    }

    @Test
    void generateToAClosedPipeSaysNothingOfWhatItWouldHaveWritten() {
        OutputStream closedPipe = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };

        int exit = runWritingTo(new StandardOutput(closedPipe), "generate", "--records", "5", "-");

        assertThat(exit).isEqualTo(AssetRegistryCommand.PIPE_CLOSED);
        assertThat(err()).isEmpty();
    }

    @Test
    void listsMoreAssetsThanOnePageWithEveryRowAligned() {
        String records = IntStream.range(0, 1_200).mapToObj(i -> "{\"asset\": {\"name\": \"" + "a".repeat(i / 100 + 1)
                + i + "\", \"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}")
                .collect(Collectors.joining("\n"));
        run("load", file("many.jsonl", records).toString());

        assertThat(run("list")).isZero();

        var lines = out().lines().toList();
        assertThat(lines).hasSize(1_201);
        // the first thousand rows set the widths; the longer names after them widen the column for what follows
        assertThat(lines.get(0)).isEqualTo("NAME" + " ".repeat(9) + "  TYPE  VERSIONS");
        assertThat(lines.get(1)).isEqualTo("a0" + " ".repeat(11) + "  prop         1");
        assertThat(lines.get(1_000)).isEqualTo("aaaaaaaaaa999  prop         1");
        assertThat(lines.get(1_200)).isEqualTo("aaaaaaaaaaaa1199  prop         1");
    }

    @Test
    void listsTheRulesAsJson() throws Exception {
        assertThat(run("rules", "--json")).isZero();

        JsonNode rules = JsonMapper.builder().build().readTree(out());
        assertThat(rules.get(0).propertyNames()).containsExactly("id", "field", "description", "severity", "enabled",
                "configurable");
        assertThat(rules.valueStream().map(rule -> rule.get("id").asString()))
                .startsWith("json.syntax", "record.too_large").contains("version.sequence", "name.pattern");
        assertThat(rules.valueStream().filter(rule -> rule.get("id").asString().equals("status.unknown")))
                .singleElement().satisfies(rule -> {
                    assertThat(rule.get("severity").asString()).isEqualTo("error");
                    assertThat(rule.get("configurable").asBoolean()).isFalse();
                    assertThat(rule.get("description").asString()).isEqualTo("status is not one of active, inactive");
                });
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("get", "hero")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Missing required parameter: 'TYPE'; see: asset-registry get --help\n");
        assertThat(run("list", "--colour", "red")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Unknown options: '--colour', 'red'; see: asset-registry list --help\n");
        assertThat(run("list", "--typ", "prop")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Unknown options: '--typ', 'prop' (did you mean '--type'?); "
                + "see: asset-registry list --help\n");
        assertThat(run("add")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: Missing required parameter: 'ASSET.json'; see: asset-registry add --help\n");
        assertThat(out()).isEmpty();
    }
}
