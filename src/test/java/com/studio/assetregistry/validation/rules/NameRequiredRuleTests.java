package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameRequiredRuleTests {

    private final NameRequiredRule rule = new NameRequiredRule();

    static Stream<Arguments> absentNames() {
        return Stream.of(Arguments.of(MISSING, "missing"), Arguments.of(NULL, "null"));
    }

    @ParameterizedTest(name = "name {1}")
    @MethodSource("absentNames")
    void rejectsMissingOrNullName(FieldValue name, String described) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.required");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name is " + described);
        });
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"", " ", "   ", "\t", " \n ", "\u00A0", " \u2007 "})
    void rejectsBlankName(String blank) {
        // given
        InputRecord record = aValidRecord().name(blank).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.required");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name is blank");
        });
    }

    @Test
    void acceptsPresentName() {
        // given
        InputRecord record = aValidRecord().name("hero").build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @ParameterizedTest(name = "name {0}")
    @MethodSource("invalidButPresentNames")
    void leavesInvalidButPresentNameToNameInvalid(FieldValue name) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<FieldValue> invalidButPresentNames() {
        return Stream.of(integer("42"), FieldValue.string(" hero"), FieldValue.string("x".repeat(300)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.studio.assetregistry.validation.InputRecordBuilder#recordsWithoutAnAssetObject")
    void doesNotApplyWhenAssetIsNotAnObject(String situation, InputRecord record) {
        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }

    @Test
    void appliesWhenAssetIsAnObject() {
        // given
        InputRecord record = aValidRecord().name(MISSING).build();

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isTrue();
    }
}
