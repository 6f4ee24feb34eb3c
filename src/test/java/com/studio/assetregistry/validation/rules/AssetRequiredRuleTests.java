package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.ARRAY;
import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.FieldValue.Kind;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AssetRequiredRuleTests {

    private final AssetRequiredRule rule = new AssetRequiredRule();

    static Stream<Arguments> assetsThatAreNotObjects() {
        return Stream.of(
                Arguments.of(MISSING, "missing"),
                Arguments.of(NULL, "null"),
                Arguments.of(string("hero"), "\"hero\""),
                Arguments.of(integer("7"), "7"),
                Arguments.of(bool(false), "false"),
                Arguments.of(ARRAY, "an array"));
    }

    @ParameterizedTest(name = "asset {1}")
    @MethodSource("assetsThatAreNotObjects")
    void rejectsAssetThatIsNotAnObject(FieldValue asset, String described) {
        // given
        InputRecord record = aValidRecord().asset(asset).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("asset.required");
            assertThat(v.field()).isEqualTo("asset");
            assertThat(v.message()).contains(described);
        });
    }

    @Test
    void acceptsAssetObject() {
        // given
        InputRecord record = aValidRecord().build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void acceptsAssetObjectEvenWhenItsNameAndTypeAreMissing() {
        // given
        InputRecord record = aValidRecord().name(MISSING).type(MISSING).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"NULL", "STRING", "INTEGER", "DECIMAL", "BOOLEAN", "ARRAY"})
    void doesNotApplyToRecordThatIsNotAnObject(Kind root) {
        // given
        InputRecord record = aRecordThatIs(root);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
