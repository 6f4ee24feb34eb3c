package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.decimal;
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
import org.junit.jupiter.params.provider.MethodSource;

class VersionRequiredRuleTests {

    private final VersionRequiredRule rule = new VersionRequiredRule();

    static Stream<Arguments> absentVersions() {
        return Stream.of(Arguments.of(MISSING, "missing"), Arguments.of(NULL, "null"));
    }

    @ParameterizedTest(name = "version {1}")
    @MethodSource("absentVersions")
    void rejectsMissingOrNullVersion(FieldValue version, String described) {
        // given
        InputRecord record = aValidRecord().version(version).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.required");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("version is " + described);
        });
    }

    static Stream<FieldValue> presentVersions() {
        return Stream.of(integer("1"), integer("0"), integer("-1"), string("2"), string(""), decimal("2.0"),
                bool(true));
    }

    @ParameterizedTest(name = "version {0}")
    @MethodSource("presentVersions")
    void acceptsAnyPresentVersionLeavingItsValueToVersionInvalid(FieldValue version) {
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
        InputRecord record = aRecordThatIs(Kind.INTEGER);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
