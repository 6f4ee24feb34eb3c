package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.ARRAY;
import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.OBJECT;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypeUnknownRuleTests {

    private final TypeUnknownRule rule = new TypeUnknownRule(ModelValues.defaults());

    @ParameterizedTest(name = "type \"{0}\"")
    @ValueSource(strings = {"character", "prop", "set", "environment", "vehicle", "dressing", "fx"})
    void acceptsEveryModelType(String type) {
        // given
        InputRecord record = aValidRecord().type(type).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<Arguments> typesOutsideTheModel() {
        return Stream.of(
                Arguments.of(string("spaceship"), "\"spaceship\""),
                Arguments.of(string("Character"), "\"Character\""),
                Arguments.of(string("PROP"), "\"PROP\""),
                Arguments.of(string(" prop"), "\" prop\""),
                Arguments.of(string("prop "), "\"prop \""),
                Arguments.of(string("props"), "\"props\""),
                Arguments.of(string(""), "\"\""),
                Arguments.of(string("   "), "\"   \""),
                Arguments.of(integer("1"), "1"),
                Arguments.of(bool(true), "true"),
                Arguments.of(OBJECT, "an object"),
                Arguments.of(ARRAY, "an array"));
    }

    @ParameterizedTest(name = "type {1}")
    @MethodSource("typesOutsideTheModel")
    void rejectsTypeOutsideTheModelWithoutCoercion(FieldValue type, String described) {
        // given
        InputRecord record = aValidRecord().type(type).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("type.unknown");
            assertThat(v.field()).isEqualTo("asset.type");
            assertThat(v.message()).startsWith("asset.type " + described + " is not one of ")
                    .contains("character, prop, set, environment, vehicle, dressing, fx");
        });
    }

    @ParameterizedTest(name = "type {0}")
    @MethodSource("absentTypes")
    void leavesMissingOrNullTypeToTypeRequired(FieldValue type) {
        // given
        InputRecord record = aValidRecord().type(type).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<FieldValue> absentTypes() {
        return Stream.of(MISSING, NULL);
    }

    @Test
    void usesConfiguredTypes() {
        // given
        var rule = new TypeUnknownRule(new ModelValues(Set.of("creature", "prop"), null, null, null));

        // when
        Optional<Violation> configured = rule.check(aValidRecord().type("creature").build());
        Optional<Violation> defaultOnly = rule.check(aValidRecord().type("character").build());

        // then
        assertThat(configured).isEmpty();
        assertThat(defaultOnly).map(Violation::rule).hasValue("type.unknown");
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
        InputRecord record = aValidRecord().type("spaceship").build();

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isTrue();
    }
}
