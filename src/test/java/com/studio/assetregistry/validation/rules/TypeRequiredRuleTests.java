package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
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

class TypeRequiredRuleTests {

    private final TypeRequiredRule rule = new TypeRequiredRule();

    static Stream<Arguments> absentTypes() {
        return Stream.of(Arguments.of(MISSING, "missing"), Arguments.of(NULL, "null"));
    }

    @ParameterizedTest(name = "type {1}")
    @MethodSource("absentTypes")
    void rejectsMissingOrNullType(FieldValue type, String described) {
        // given
        InputRecord record = aValidRecord().type(type).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("type.required");
            assertThat(v.field()).isEqualTo("asset.type");
            assertThat(v.message()).isEqualTo("asset.type is " + described);
        });
    }

    static Stream<FieldValue> presentTypes() {
        return Stream.of(string("character"), string("spaceship"), string(""), string("  "), integer("3"));
    }

    @ParameterizedTest(name = "type {0}")
    @MethodSource("presentTypes")
    void acceptsAnyPresentTypeLeavingItsValueToTypeUnknown(FieldValue type) {
        // given
        InputRecord record = aValidRecord().type(type).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
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
        InputRecord record = aValidRecord().type(MISSING).build();

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isTrue();
    }
}
