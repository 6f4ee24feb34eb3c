package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamePatternRuleTests {

    private static final String SNAKE_CASE = "^[a-z][a-z0-9_]*$";

    private final NamePatternRule rule = new NamePatternRule(new ModelValues(null, null, null, 20, SNAKE_CASE));

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"hero", "tree_oak_02", "a"})
    void acceptsANameThatMatchesThePattern(String name) {
        assertThat(rule.check(aValidRecord().name(name).build())).isEmpty();
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"Hero", "tree-oak", "2fast", "hero ship", "héros"})
    void rejectsANameThatDoesNotMatchThePattern(String name) {
        // when
        Optional<Violation> violation = rule.check(aValidRecord().name(name).build());

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.pattern");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name \"" + name + "\" does not match " + SNAKE_CASE);
        });
    }

    @Test
    void matchesTheWholeNameNotAPartOfIt() {
        var lettersOnly = new NamePatternRule(new ModelValues(null, null, null, null, "[a-z]+"));

        assertThat(lettersOnly.check(aValidRecord().name("hero").build())).isEmpty();
        assertThat(lettersOnly.check(aValidRecord().name("hero2").build())).isPresent();
    }

    @Test
    @Timeout(10) // without the bound, this match takes hours
    void aPatternThatBacktracksWithoutEndRejectsTheNameRatherThanHoldTheLoad() {
        var catastrophic = new NamePatternRule(new ModelValues(null, null, null, null, "(.*a){20}"));
        String name = "a".repeat(40) + "!";

        Optional<Violation> violation = catastrophic.check(aValidRecord().name(name).build());

        assertThat(violation).hasValueSatisfying(v -> assertThat(v.message()).isEqualTo("asset.name \"" + name
                + "\" could not be matched against (.*a){20}: the pattern backtracks without end on it; simplify"
                + " name.pattern"));
        // a name the pattern settles quickly is judged as ever
        assertThat(catastrophic.check(aValidRecord().name("b").build()))
                .hasValueSatisfying(v -> assertThat(v.message()).isEqualTo("asset.name \"b\" does not match (.*a){20}"));
    }

    @Test
    void judgesANameOfExactlyTheMaximumLength() {
        var rule = new NamePatternRule(new ModelValues(null, null, null, 4, "[a-z]+"));

        assertThat(rule.check(aValidRecord().name("HERO").build())).map(Violation::rule).hasValue("name.pattern");
        assertThat(rule.check(aValidRecord().name("hero").build())).isEmpty();
    }

    static Stream<FieldValue> namesOtherRulesOwn() {
        return Stream.of(NULL, string(""), string("  "), integer("42"), string("a".repeat(21)));
    }

    @ParameterizedTest(name = "name {0}")
    @MethodSource("namesOtherRulesOwn")
    void leavesMissingBlankNonStringAndTooLongNamesToTheOtherNameRules(FieldValue name) {
        assertThat(rule.check(aValidRecord().name(name).build())).isEmpty();
    }

    @Test
    void appliesToNoRecordWhenNoPatternIsSet() {
        // given
        var none = new NamePatternRule(ModelValues.defaults());

        // then
        assertThat(none.appliesTo(aValidRecord().name("Anything Goes").build())).isFalse();
        assertThat(none.check(aValidRecord().name("Anything Goes").build())).isEmpty();
        assertThat(none.description()).contains("none is set");
        assertThat(rule.description()).isEqualTo("the name does not match " + SNAKE_CASE);
    }

    @Test
    void isConfigurable() {
        assertThat(rule.configurable()).isTrue();
    }
}
