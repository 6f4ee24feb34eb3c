package com.studio.assetregistry.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.studio.assetregistry.validation.rules.AssetRequiredRule;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.NamePatternRule;
import com.studio.assetregistry.validation.rules.RecordMalformedRule;
import com.studio.assetregistry.validation.rules.VersionSequenceRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleCatalogueTests {

    private static final RulesFile NO_SETTINGS = RulesFile.of("empty.yml", "");

    private final RuleCatalogue catalogue = new RuleCatalogue(List.of(
            new JsonSyntaxRule(), new RecordMalformedRule(), new AssetRequiredRule(), new VersionSequenceRule()),
            NO_SETTINGS);

    @Test
    void aFingerprintTellsCataloguesThatJudgeDifferentlyApart() {
        var sameAgain = new RuleCatalogue(List.of(
                new JsonSyntaxRule(), new RecordMalformedRule(), new AssetRequiredRule(), new VersionSequenceRule()),
                RulesFile.of("other-name.yml", "# the defaults\n"));
        var pattern = new RuleCatalogue(List.of(new NamePatternRule(new ModelValues(null, null, null, null, "[a-m].*"))),
                NO_SETTINGS);
        var otherPattern = new RuleCatalogue(List.of(new NamePatternRule(
                new ModelValues(null, null, null, null, "[a-z].*"))), NO_SETTINGS);
        var patternAsWarning = new RuleCatalogue(List.of(new NamePatternRule(
                new ModelValues(null, null, null, null, "[a-m].*"))),
                RulesFile.of("studio.yml", "rules:\n  name.pattern:\n    severity: warning\n"));

        assertThat(catalogue.fingerprint()).matches("[0-9a-f]{64}").isEqualTo(sameAgain.fingerprint());
        assertThat(List.of(catalogue.fingerprint(), pattern.fingerprint(), otherPattern.fingerprint(),
                patternAsWarning.fingerprint())).doesNotHaveDuplicates();
    }

    @Test
    void listsRulesInTheOrderGiven() {
        // when
        List<Rule> rules = catalogue.rules();

        // then
        assertThat(rules).extracting(Rule::id)
                .containsExactly("json.syntax", "record.malformed", "asset.required", "version.sequence");
    }

    @Test
    void findsRuleById() {
        // when
        Optional<Rule> rule = catalogue.find("asset.required");

        // then
        assertThat(rule).hasValueSatisfying(r -> {
            assertThat(r).isInstanceOf(AssetRequiredRule.class);
            assertThat(r.field()).isEqualTo("asset");
        });
    }

    @Test
    void findsNothingForAnUnknownOrDifferentlyCasedId() {
        assertThat(catalogue.find("asset.exists")).isEmpty();
        assertThat(catalogue.find("Asset.Required")).isEmpty();
    }

    @Test
    void givesEveryRuleTheDefaultSettingsWhenTheFileSetsNone() {
        assertThat(catalogue.rules()).allSatisfy(rule ->
                assertThat(catalogue.settings(rule)).isEqualTo(RuleSettings.DEFAULT));
    }

    @Test
    void refusesTwoRulesWithOneId() {
        List<Rule> rules = List.of(new AssetRequiredRule(), new AssetRequiredRule());

        assertThatIllegalStateException()
                .isThrownBy(() -> new RuleCatalogue(rules, NO_SETTINGS))
                .withMessageContaining("Two rules have the id asset.required");
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"reserved", "Name.Reserved", "name..reserved", "name.reserved.", "name reserved"})
    void refusesAnIdThatCannotBeAKeyOfTheRulesFile(String id) {
        Rule rule = new Rule() {
            @Override public String id() { return id; }
            @Override public String field() { return "asset.name"; }
            @Override public String description() { return "a test rule"; }
        };

        assertThatIllegalStateException()
                .isThrownBy(() -> new RuleCatalogue(List.of(rule), NO_SETTINGS))
                .withMessageContaining("lower-case words joined by dots");
    }
}
