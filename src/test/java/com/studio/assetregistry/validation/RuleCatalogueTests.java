package com.studio.assetregistry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.rules.AssetRequiredRule;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.RecordMalformedRule;
import com.studio.assetregistry.validation.rules.VersionSequenceRule;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleCatalogueTests {

    private final RuleCatalogue catalogue = new RuleCatalogue(List.of(
            new JsonSyntaxRule(), new RecordMalformedRule(), new AssetRequiredRule(), new VersionSequenceRule()));

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
}
