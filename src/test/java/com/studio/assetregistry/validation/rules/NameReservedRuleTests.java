package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.RulesFileException;
import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameReservedRuleTests {

    private final NameReservedRule rule = new NameReservedRule(RulesFile.of("studio.yml", """
            rules:
              name.reserved:
                names: [tmp, untitled]
            """));

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"tmp", "TMP", "Untitled"})
    void rejectsANameOnTheDenyListIgnoringCase(String name) {
        // when
        Optional<Violation> violation = rule.check(aValidRecord().name(name).build());

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.reserved");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name \"" + name + "\" is reserved");
        });
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"hero", "tmp_rock", "untitled2"})
    void acceptsANameThatIsNotOnTheList(String name) {
        assertThat(rule.check(aValidRecord().name(name).build())).isEmpty();
    }

    @Test
    void leavesANameThatIsNotAStringToNameInvalid() {
        assertThat(rule.check(aValidRecord().name(integer("42")).build())).isEmpty();
    }

    @Test
    void checksNothingWithTheEmptyListOfTheRulesFileInTheJar() {
        // given
        var byDefault = new NameReservedRule(RulesFile.defaults());

        // then
        assertThat(byDefault.appliesTo(aValidRecord().name("tmp").build())).isFalse();
        assertThat(byDefault.description()).isEqualTo("the name is reserved (rules.name.reserved.names: none)");
        assertThat(rule.description()).isEqualTo("the name is reserved (rules.name.reserved.names: tmp, untitled)");
    }

    @Test
    void aMisspeltOptionStopsStartUpNamingTheKey() {
        RulesFile misspelt = RulesFile.of("studio.yml", """
                rules:
                  name.reserved:
                    name: [tmp]
                """);

        assertThatThrownBy(() -> new RuleCatalogue(List.of(new NameReservedRule(misspelt)), misspelt))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("studio.yml:3: rules.name.reserved.name: unknown key; rule name.reserved takes names, "
                        + "enabled, severity");
    }

    @Test
    void aNameYamlReadsAsAnotherTypeStopsStartUpRatherThanListAnotherName() {
        // YAML 1.1 reads no as false and 12:30 as 750: the deny-list would hold "false" and "750"
        String typed = """
                rules:
                  name.reserved:
                    names: [tmp, 12:30, no]
                """;

        assertThatThrownBy(() -> new NameReservedRule(RulesFile.of("studio.yml", typed)))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("studio.yml:3: rules.name.reserved.names[1]: \"12:30\" is the number 750 to YAML, which"
                        + " reads 010 as 8, 0x10 as 16 and 1:00 as 60; write a number in plain digits, or text in quotes"
                        + " ('...')");
    }

    @Test
    void aNameListedTwiceStopsStartUpAsTheSlipItIs() {
        RulesFile twice = RulesFile.of("studio.yml", """
                rules:
                  name.reserved:
                    names: [tmp, wip, tmp]
                """);

        assertThatThrownBy(() -> new NameReservedRule(twice))
                .isInstanceOf(RulesFileException.class)
                .hasMessage("studio.yml:3: rules.name.reserved.names: lists \"tmp\" twice");
    }
}
