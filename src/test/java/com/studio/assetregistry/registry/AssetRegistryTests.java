package com.studio.assetregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.asset.AssetOverview.DepartmentOverview;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.ingest.InputFileException;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.ingest.RegistryBusyException;
import com.studio.assetregistry.ingest.RunOwner;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.Severity;
import com.studio.assetregistry.validation.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;

/** The Java API end to end on a real SQLite registry. */
class AssetRegistryTests extends RegistryIntegrationTest {

    private static final AssetKey HERO = new AssetKey("hero", "character");

    @Autowired
    private AssetRegistry registry;
    @Autowired
    private LoadStore loads;

    @Test
    void aFilterValueNoAssetOrVersionCanHaveIsRefusedNamingTheValuesTheRulesKnow() {
        registry.requireKnownType("prop");
        registry.requireKnownDepartment("modeling");
        registry.requireKnownStatus("inactive");

        assertThatThrownBy(() -> registry.requireKnownType("creature"))
                .isInstanceOfSatisfying(UnknownValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("type");
                    assertThat(e.value()).isEqualTo("creature");
                    assertThat(e.known()).containsExactly("character", "prop", "set", "environment", "vehicle",
                            "dressing", "fx");
                })
                .hasMessage("unknown type 'creature': the types are character, prop, set, environment, vehicle,"
                        + " dressing, fx");
        assertThatThrownBy(() -> registry.requireKnownDepartment("lighting"))
                .isInstanceOf(UnknownValueException.class).hasMessageStartingWith("unknown department 'lighting'");
        assertThatThrownBy(() -> registry.requireKnownStatus("wip"))
                .isInstanceOf(UnknownValueException.class).hasMessageStartingWith("unknown status 'wip'");
        assertThatThrownBy(() -> registry.listAssets(new AssetFilter("creature", null, null), null, 10))
                .isInstanceOf(UnknownValueException.class);
        assertThatThrownBy(() -> registry.forEachAsset(new AssetFilter("creature", null, null), listing -> { }))
                .isInstanceOf(UnknownValueException.class);
    }

    @Test
    void addsAnAssetWithItsVersionsAndReturnsItAsRegistered() {
        Asset added = registry.addAsset(new Asset(HERO, List.of(active("rigging", 1), active("modeling", 2),
                active("modeling", 1))));

        assertThat(added.versions()).containsExactly(active("modeling", 1), active("modeling", 2),
                active("rigging", 1));
        assertThat(registry.getAsset("hero", "character")).contains(added);
        assertThat(registry.listAssets()).containsExactly(HERO);
    }

    @Test
    void refusesAnAssetWithEveryViolationAndRegistersNothing() {
        var asset = Asset.of(" hero", "hero", List.of(new AssetVersion("lighting", 0, "deprecated")));

        assertThatThrownBy(() -> registry.addAsset(asset))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule)
                        .containsExactly("name.invalid", "type.unknown", "department.unknown", "version.invalid",
                                "status.unknown"));
        assertThat(registry.listAssets()).isEmpty();
    }

    @Test
    void refusesAnAssetWithoutVersions() {
        assertThatThrownBy(() -> registry.addAsset(new Asset(HERO, List.of())))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("asset.versions"));
    }

    @Test
    void refusesAnAssetThatIsAlreadyRegistered() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));

        assertThatThrownBy(() -> registry.addAsset(new Asset(HERO, List.of(active("rigging", 1)))))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("asset.exists"));
        assertThat(registry.listAssetVersions("hero", "character")).containsExactly(active("modeling", 1));
    }

    @Test
    void refusesAnAssetWhoseVersionsLeaveAGapAndRegistersNoneOfThem() {
        var asset = new Asset(HERO, List.of(active("modeling", 1), active("modeling", 3)));

        assertThatThrownBy(() -> registry.addAsset(asset))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule, Violation::message)
                        .containsExactly(tuple("version.sequence",
                                "hero/character/modeling v3: v2 is missing")));
        assertThat(registry.getAsset("hero", "character")).isEmpty();
    }

    @Test
    void addsTheNextVersionOfARegisteredAsset() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));

        registry.addAssetVersion(HERO, active("modeling", 2));
        registry.addAssetVersion(HERO, new AssetVersion("cfx", 1, "inactive"));

        assertThat(registry.getAssetVersion("hero", "character", 1)).containsExactly(
                new AssetVersion("cfx", 1, "inactive"), active("modeling", 1));
        assertThat(registry.getAssetVersion("hero", "character", 2, "modeling")).contains(active("modeling", 2));
        assertThat(registry.getAssetVersion("hero", "character", 2, "cfx")).isEmpty();
    }

    @Test
    void refusesAVersionThatSkipsOneIsAlreadyThereOrConflicts() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));

        assertThat(violationOf(() -> registry.addAssetVersion(HERO, active("modeling", 3))).rule())
                .isEqualTo("version.sequence");
        assertThat(violationOf(() -> registry.addAssetVersion(HERO, active("modeling", 1))))
                .isEqualTo(new Violation("version.duplicate", "version",
                        "hero/character/modeling v1 is already registered"));
        assertThat(violationOf(() -> registry.addAssetVersion(HERO, new AssetVersion("modeling", 1, "inactive")))
                .rule()).isEqualTo("version.conflict");
        assertThat(registry.listAssetVersions("hero", "character")).containsExactly(active("modeling", 1));
    }

    @Test
    void refusesAnAddOfAVersionThatAnInterruptedLoadHoldsSayingHowToEndItsHold() throws Exception {
        // given: a load whose process died after it wrote hero's modeling v2
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        long load = loads.startRun("load", "night.json", 10, Instant.now());
        loads.claimRun(load, "c0ffee", ended.pid() + RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@')));
        loads.write(load, List.of(
                new StagedVersion(RecordPosition.ofNumber(1), new VersionedAsset(HERO, active("modeling", 2)))));

        // then
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 2)))
                .isInstanceOfSatisfying(RegistryBusyException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Cannot add to hero/character now: run " + load + ", an interrupted load of night.json, holds"
                                + " the same version until it is resumed (load that content again) or abandoned (load"
                                + " other content)"));
        loads.resolve(load, finding -> { }); // as its resume would: no pending run outlives the test
    }

    @Test
    void refusesAnAddOfAVersionThatALoadInProgressHasWrittenNamingTheLoad() {
        // given: a load in progress has written hero's modeling v2 and a new asset's first version
        var villain = new AssetKey("villain", "character");
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));
        long load = loads.startRun("load", "night.json", 10, Instant.now());
        loads.claimRun(load, "c0ffee", "1@test");
        loads.write(load, List.of(
                new StagedVersion(RecordPosition.ofNumber(1), new VersionedAsset(HERO, active("modeling", 2))),
                new StagedVersion(RecordPosition.ofNumber(2), new VersionedAsset(villain, active("rigging", 1)))));

        // then: adds of those versions are refused as busy, not counted as registered
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 2)))
                .isInstanceOfSatisfying(RegistryBusyException.class, e -> {
                    assertThat(e.runningRunId()).isEqualTo(load);
                    assertThat(e.getMessage()).isEqualTo("Cannot add to hero/character now: run " + load + ", a load"
                            + " in progress, is registering the same version; try again once it has ended");
                });
        assertThatThrownBy(() -> registry.addAsset(new Asset(villain, List.of(active("rigging", 1)))))
                .isInstanceOfSatisfying(RegistryBusyException.class,
                        e -> assertThat(e.runningRunId()).isEqualTo(load));
        assertThat(registry.listAssetVersions("villain", "character")).isEmpty();

        // when: the load ends, it registers what it wrote
        loads.resolve(load, finding -> { });
        assertThat(registry.listAssetVersions("hero", "character"))
                .containsExactly(active("modeling", 1), active("modeling", 2));
        assertThat(registry.listAssetVersions("villain", "character")).containsExactly(active("rigging", 1));
    }

    @Test
    void refusesAVersionOfAnUnknownAsset() {
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 1)))
                .isInstanceOfSatisfying(AssetNotFoundException.class, e -> assertThat(e.asset()).isEqualTo(HERO));
    }

    @Test
    void addsAnAssetFromAnAssetDocument() {
        Path file = file("hero.json", """
                {"name": "hero", "type": "character", "comment": "ignored", "versions": [
                  {"department": "modeling", "version": 2, "status": "inactive"},
                  {"department": "modeling", "version": 1, "status": "active"}]}""");

        Asset added = registry.addAsset(file);

        assertThat(added).isEqualTo(new Asset(HERO, List.of(active("modeling", 1),
                new AssetVersion("modeling", 2, "inactive"))));
    }

    @Test
    void refusesAnAssetDocumentWithEveryViolationAtItsPath() {
        Path file = file("bad.json", """
                {"name": " hero", "type": "character", "versions": [
                  {"department": "modeling", "version": "1", "status": "active", "status": "active"},
                  {"department": "lighting", "version": 1, "status": "deprecated"},
                  42]}""");

        assertThatThrownBy(() -> registry.addAsset(file)).isInstanceOfSatisfying(AssetValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule, Violation::field).containsExactly(
                        tuple("name.invalid", "name"),
                        tuple("record.malformed", "versions[0]"),
                        tuple("version.invalid", "versions[0].version"),
                        tuple("department.unknown", "versions[1].department"),
                        tuple("status.unknown", "versions[1].status"),
                        tuple("record.malformed", "versions[2]")));
        assertThat(registry.listAssets()).isEmpty();
    }

    @Test
    void refusesAnAssetDocumentWithItsRepeatsAtTheirPathsBesideItsOtherViolationsAndNotAsAConflict() {
        // a version given twice, and a status no rule allows, in one document
        Path file = file("repeats.json", """
                {"name": "hero", "type": "character", "versions": [
                  {"department": "modeling", "version": 1, "status": "active"},
                  {"department": "modeling", "version": 2, "status": "bogus"},
                  {"department": "rigging", "version": 1, "status": "active"},
                  {"department": "modeling", "version": 1, "status": "active"}]}""");

        assertThatThrownBy(() -> registry.addAsset(file)).isInstanceOfSatisfying(AssetValidationException.class, e -> {
            assertThat(e.violations()).extracting(Violation::rule, Violation::field, Violation::message)
                    .containsExactly(
                            tuple("status.unknown", "versions[1].status",
                                    "status \"bogus\" is not one of active, inactive"),
                            tuple("version.duplicate", "versions[3].version",
                                    "hero/character/modeling v1 already appears as versions[0]"));
            assertThat(e.conflict()).as("nothing is registered to conflict with").isFalse();
        });
        assertThat(registry.listAssets()).isEmpty();
    }

    @Test
    void refusesLoadFormatRecordsWithTheirRepeatsAtTheirRecords() {
        Path file = file("repeats.jsonl", """
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"}
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"}
                """);

        assertThatThrownBy(() -> registry.addAsset(file)).isInstanceOfSatisfying(AssetValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule, Violation::message).containsExactly(
                        tuple("version.duplicate",
                                "record 2 (line 2, column 1): hero/character/modeling v1 already appears as record 1")));
    }

    @Test
    void anAddOfWhatIsRegisteredAlreadyIsAConflictAndAnAddsOwnRepeatOrGapIsNot() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));

        // the asset again, with a version that would be a gap: what the registry holds comes first
        Path again = file("again.json", """
                {"name": "hero", "type": "character", "versions": [{"department": "modeling", "version": 4,
                 "status": "active"}]}""");
        assertThatThrownBy(() -> registry.addAsset(again)).isInstanceOfSatisfying(AssetValidationException.class, e -> {
            assertThat(e.violations()).extracting(Violation::rule).containsExactly("asset.exists");
            assertThat(e.conflict()).isTrue();
        });
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 1)))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.conflict()).isTrue());
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 3)))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.conflict()).isFalse());
        // through the Java API, a version given twice in a new asset's list
        var villain = new AssetKey("villain", "character");
        assertThatThrownBy(() -> registry.addAsset(new Asset(villain, List.of(active("fx", 1), active("fx", 1)))))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::rule).contains("version.duplicate");
                    assertThat(e.conflict()).isFalse();
                });
    }

    @Test
    void refusesAnAssetDocumentWithoutVersionsOrThatIsNotJson() {
        Path none = file("none.json", "{\"name\": \"hero\", \"type\": \"character\"}");
        assertThat(violationOf(() -> registry.addAsset(none)))
                .isEqualTo(new Violation("asset.versions", "versions",
                        "versions is missing: an asset is added with at least one version"));
        assertThat(violationOf(() -> registry.addAsset(file("broken.json", "{\"name\": \"hero\",\n  \"type\" \"x\"}"))))
                .satisfies(v -> assertThat(v.rule() + " " + v.message()).startsWith("json.syntax line 2, column 10: "));
        assertThat(violationOf(() -> registry.addAsset(file("empty.json", " "))).rule()).isEqualTo("json.syntax");
    }

    @Test
    void addsAnAssetFromLoadFormatRecordsOfOneAsset() {
        Path file = file("hero.jsonl", """
                {"asset": {"name": "hero", "type": "character"}, "department": "rigging", "version": 1, "status": "active"}
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"}
                """);

        assertThat(registry.addAsset(file).versions()).containsExactly(active("modeling", 1), active("rigging", 1));
    }

    @Test
    void refusesLoadFormatRecordsWithEveryViolationAtItsRecordOrOfSeveralAssets() {
        Path bad = file("bad.json", """
                [{"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"},
                 {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 0, "status": "x"}]""");
        Path two = file("two.jsonl", """
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"}
                {"asset": {"name": "hero", "type": "prop"}, "department": "modeling", "version": 1, "status": "active"}
                """);

        assertThatThrownBy(() -> registry.addAsset(bad)).isInstanceOfSatisfying(AssetValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::message).containsExactly(
                        "record 2 (line 2, column 2): version 0 is not an integer from 1 to 2147483647",
                        "record 2 (line 2, column 2): status \"x\" is not one of active, inactive"));
        assertThatThrownBy(() -> registry.addAsset(two)).isInstanceOf(InputFileException.class)
                .hasMessage(two + " holds versions of 2 assets (hero/character, hero/prop); an add takes one "
                        + "asset's: load the file instead");
        assertThatThrownBy(() -> registry.addAsset(Path.of("no/such.json"))).isInstanceOf(InputFileException.class)
                .hasMessage("Cannot read no/such.json: no such file");
        assertThat(registry.listAssets()).isEmpty();
    }

    @Test
    void addsAVersionFromAVersionFileWithTheSameRules() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1))));

        registry.addAssetVersion(HERO, file("v2.json", """
                {"department": "modeling", "version": 2, "status": "active"}"""));

        assertThat(registry.listAssetVersions("hero", "character")).containsExactly(active("modeling", 1),
                active("modeling", 2));
        Path bad = file("bad.json", "{\"version\": 2.0, \"status\": null}");
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, bad))
                .isInstanceOfSatisfying(AssetValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("department.required", "version.invalid",
                                "status.required"));
    }

    @Test
    void showsAnAssetCompactlyWithItsCountsAndTheLatestVersionPerDepartment() {
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1), new AssetVersion("modeling", 2, "inactive"),
                active("rigging", 1))));

        assertThat(registry.getAssetOverview("hero", "character")).contains(new AssetOverview("hero", "character", 3,
                Map.of("active", 2, "inactive", 1), List.of(new DepartmentOverview("modeling", 2, 2, "inactive"),
                new DepartmentOverview("rigging", 1, 1, "active"))));
        assertThat(registry.getAssetOverview("hero", "prop")).isEmpty();
    }

    @Test
    void streamsEveryAssetAPageAtATime() {
        String records = IntStream.range(0, 2_500).mapToObj(i -> String.format("{\"asset\": {\"name\": \"a%04d\", "
                + "\"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}", i))
                .collect(Collectors.joining("\n"));
        registry.loadAssets(file("many.jsonl", records));
        List<AssetListing> seen = new ArrayList<>();

        long count = registry.forEachAsset(AssetFilter.ALL, seen::add);

        assertThat(count).isEqualTo(2_500);
        assertThat(seen).hasSize(2_500).isSortedAccordingTo(java.util.Comparator.comparing(AssetListing::key));
        assertThat(seen.get(1_000)).isEqualTo(new AssetListing("a1000", "prop", 1));
        assertThat(registry.forEachAsset(new AssetFilter("prop", "a24*"), listing -> { })).isEqualTo(100);
    }

    @Test
    void listsRecentRunsOfLoadsAndAddsLatestFirst() {
        registry.loadAssets(Path.of("data/asset_data.json"));
        registry.addAsset(Asset.of("newcomer", "prop", List.of(active("modeling", 1))));

        List<RunInfo> runs = registry.listRuns(10);

        assertThat(runs).extracting(RunInfo::kind, RunInfo::source, RunInfo::status).containsExactly(
                tuple("api", "addAsset newcomer/prop", "COMPLETED"),
                tuple("load", "data/asset_data.json", "COMPLETED"));
        assertThat(runs.get(1).counts().rejected()).isEqualTo(3);
        assertThat(runs.get(1).rejectsByRule()).containsExactly(Map.entry("status.unknown", 2L),
                Map.entry("version.sequence", 1L));
        assertThat(runs.get(1).durationMillis()).isNotNegative();
    }

    @Test
    void refusesADocumentLargerThanARecordMayBeWithoutReadingItAll(@TempDir Path dir) throws IOException {
        Path big = Files.writeString(dir.resolve("big.json"), "{\"name\": \"hero\", \"type\": \"character\", "
                + "\"note\": \"" + "x".repeat(1 << 20) + "\"}");

        Violation violation = violationOf(() -> registry.addAsset(big));

        assertThat(violation.rule()).isEqualTo("record.too_large");
        assertThat(violation.message()).startsWith("the document is larger than 1048576 bytes");
        assertThat(registry.getAsset("hero", "character")).isEmpty();
        assertThatThrownBy(() -> registry.addAsset(dir))
                .isInstanceOf(InputFileException.class).hasMessage("Cannot read " + dir + ": not a regular file");
    }

    @Test
    void aNullArgumentIsRefusedNamingItBeforeAnythingIsRead() {
        AssetKey hero = new AssetKey("hero", "character");
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("The file must not be null.", () -> registry.addAsset((Path) null));
        calls.put("The document must not be null.", () -> registry.addAsset((byte[]) null));
        calls.put("The record must not be null.", () -> registry.addAssetVersion((byte[]) null));
        calls.put("The file must not be null. ", () -> registry.addAssetVersion(hero, (Path) null));
        calls.put("The load request must not be null.", () -> registry.loadAssets((LoadRequest) null));
        calls.put("The prepared load must not be null.", () -> registry.runLoad(null));
        calls.put("The writer must not be null.", () -> registry.exportAssets(null));
        calls.put("The action must not be null.", () -> registry.forEachAsset(AssetFilter.ALL, null));
        calls.put("The versions must not be null.", () -> Asset.of("hero", "character", null));

        calls.forEach((message, call) -> assertThatThrownBy(call).as(message)
                .isInstanceOf(NullPointerException.class).hasMessage(message.strip()));
        assertThat(registry.listRuns(10)).isEmpty();
    }

    @Test
    void aMissingAssetIsEmptyNotNull() {
        assertThat(registry.getAsset("nobody", "prop")).isEmpty();
        assertThat(registry.listAssetVersions("nobody", "prop")).isEmpty();
        assertThat(registry.getAssetVersion("nobody", "prop", 1)).isEmpty();
    }

    @Test
    void anExportLoadedIntoAnEmptyRegistryReproducesIt() {
        LoadSummary loaded = registry.loadAssets(Path.of("data/asset_data.json"));
        assertThat(loaded.registered()).isEqualTo(17);
        var export = new StringWriter();
        long written = registry.exportAssets(export);
        assertThat(written).isEqualTo(17);
        assertThat(export.toString()).startsWith("[\n{\"asset\":{\"name\":\"castle_exterior\",\"type\":\"environment\"},"
                + "\"department\":\"cfx\",\"version\":1,\"status\":\"active\"},\n");
        Path exported = file("export.json", export.toString());
        emptyRegistry();

        LoadSummary reloaded = registry.loadAssets(exported);

        assertThat(reloaded.registered()).isEqualTo(17);
        assertThat(reloaded.rejected()).isZero();
        var again = new StringWriter();
        registry.exportAssets(again);
        assertThat(again.toString()).isEqualTo(export.toString());
    }

    @Test
    void anEmptyRegistryExportsAnEmptyArray() {
        var export = new StringWriter();

        assertThat(registry.exportAssets(export)).isZero();
        assertThat(export.toString()).isEqualTo("[\n]\n");
    }

    @Test
    void listsEveryRuleInCheckingOrderWithTheSettingsOfTheRulesFileInTheJar() {
        List<RuleEntry> rules = registry.listRules();

        assertThat(rules).extracting(RuleEntry::id).containsExactly("json.syntax", "record.too_large",
                "record.malformed", "asset.required", "name.required", "name.invalid", "name.pattern",
                "name.reserved", "type.required", "type.unknown", "department.required", "department.unknown",
                "version.required", "version.invalid", "status.required", "status.unknown", "version.duplicate",
                "version.conflict", "version.sequence", "asset.exists", "asset.versions");
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.enabled()).isTrue();
            assertThat(rule.severity()).isEqualTo(Severity.ERROR);
            assertThat(rule.description()).isNotBlank();
        });
        assertThat(rules).filteredOn(RuleEntry::configurable).extracting(RuleEntry::id)
                .containsExactly("name.pattern", "name.reserved");
    }

    @Test
    void readsWhatItRegisteredThroughQueriesOpenedReadOnlyWithoutSpring() {
        assumeTrue(onSqlite(), "queries opened without Spring read a SQLite file only");
        registry.addAsset(new Asset(HERO, List.of(active("modeling", 1), active("modeling", 2))));

        try (AssetQueries queries = AssetQueries.openReadOnly(WORK_DIR.resolve("registry.db")).orElseThrow()) {
            assertThat(queries.getAsset("hero", "character")).isEqualTo(registry.getAsset("hero", "character"));
            assertThat(queries.getAssetOverview("hero", "character")).isEqualTo(registry.queries()
                    .getAssetOverview("hero", "character"));
            assertThat(queries.listRuns(5)).isEqualTo(registry.listRuns(5)).hasSize(1);
        }
        assertThat(AssetQueries.openReadOnly(WORK_DIR.resolve("no-such.db"))).isEmpty();
    }

    private static AssetVersion active(String department, int version) {
        return new AssetVersion(department, version, "active");
    }

    private static Violation violationOf(Runnable add) {
        try {
            add.run();
        } catch (AssetValidationException e) {
            assertThat(e.violations()).hasSize(1);
            return e.violations().get(0);
        }
        throw new AssertionError("The add was accepted.");
    }

    private boolean onSqlite() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getURL().startsWith("jdbc:sqlite:")));
    }
}
