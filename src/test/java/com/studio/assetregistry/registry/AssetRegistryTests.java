package com.studio.assetregistry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.Severity;
import com.studio.assetregistry.validation.Violation;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Java API end to end on a real SQLite registry. */
class AssetRegistryTests extends RegistryIntegrationTest {

    private static final AssetKey HERO = new AssetKey("hero", "character");

    @Autowired
    private AssetRegistry registry;

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
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("version.sequence",
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
    void refusesAVersionOfAnUnknownAsset() {
        assertThatThrownBy(() -> registry.addAssetVersion(HERO, active("modeling", 1)))
                .isInstanceOfSatisfying(AssetNotFoundException.class, e -> assertThat(e.asset()).isEqualTo(HERO));
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
}
