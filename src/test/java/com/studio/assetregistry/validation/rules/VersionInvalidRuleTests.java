package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.ARRAY;
import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.OBJECT;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.decimal;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionInvalidRuleTests {

    private static final String RANGE = "is not an integer from 1 to 2147483647";

    private final VersionInvalidRule rule = new VersionInvalidRule();

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"1", "2", "10", "999", "2147483646", "2147483647"})
    void acceptsIntegerFromOneToIntMax(String literal) {
        // given
        InputRecord record = aValidRecord().version(literal).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"0", "-0", "-1", "-2147483648", "2147483648", "4294967297", "9999999999",
            "10000000000", "-99999999999", "123456789012345678901234567890"})
    void rejectsIntegerOutsideOneToIntMax(String literal) {
        // given
        InputRecord record = aValidRecord().version(literal).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.invalid");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("version " + literal + " " + RANGE);
        });
    }

    @Test
    void rejectsHugeIntegerLiteralAndAbbreviatesItInTheMessage() {
        // given
        String literal = "9".repeat(1000);
        InputRecord record = aValidRecord().version(literal).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.invalid");
            assertThat(v.message()).startsWith("version " + "9".repeat(77) + "... ").endsWith(RANGE);
        });
    }

    @Test
    void rejectsVersionGivenAsString() {
        // given
        InputRecord record = aValidRecord().version(string("2")).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.invalid");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("version \"2\" (a string) " + RANGE);
        });
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(strings = {"2.0", "1.5", "1e0", "2E+0", "-0.0"})
    void rejectsVersionGivenAsDecimal(String literal) {
        // given
        InputRecord record = aValidRecord().version(decimal(literal)).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.invalid");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("version " + literal + " (not an integer) " + RANGE);
        });
    }

    static Stream<Arguments> versionsOfOtherKinds() {
        return Stream.of(
                Arguments.of(bool(true), "true"),
                Arguments.of(bool(false), "false"),
                Arguments.of(string(""), "\"\""),
                Arguments.of(string("v2"), "\"v2\""),
                Arguments.of(OBJECT, "an object"),
                Arguments.of(ARRAY, "an array"));
    }

    @ParameterizedTest(name = "version {1}")
    @MethodSource("versionsOfOtherKinds")
    void rejectsVersionThatIsNotANumber(FieldValue version, String described) {
        // given
        InputRecord record = aValidRecord().version(version).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.invalid");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).startsWith("version " + described + " ").endsWith(RANGE);
        });
    }

    static Stream<FieldValue> absentVersions() {
        return Stream.of(MISSING, NULL);
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("absentVersions")
    void leavesMissingOrNullVersionToVersionRequired(FieldValue version) {
        // given
        InputRecord record = aValidRecord().version(version).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void doesNotApplyToRecordThatIsNotAnObject() {
        // given
        InputRecord record = aRecordThatIs(Kind.DECIMAL);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
