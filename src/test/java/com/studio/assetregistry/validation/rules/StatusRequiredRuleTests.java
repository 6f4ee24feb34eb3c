package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
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

class StatusRequiredRuleTests {

    private final StatusRequiredRule rule = new StatusRequiredRule();

    static Stream<Arguments> absentStatuses() {
        return Stream.of(Arguments.of(MISSING, "missing"), Arguments.of(NULL, "null"));
    }

    @ParameterizedTest(name = "status {1}")
    @MethodSource("absentStatuses")
    void rejectsMissingOrNullStatus(FieldValue status, String described) {
        // given
        InputRecord record = aValidRecord().status(status).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("status.required");
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.message()).isEqualTo("status is " + described);
        });
    }

    static Stream<FieldValue> presentStatuses() {
        return Stream.of(string("active"), string("inactive"), string("deprecated"), string(""), string("  "),
                bool(true));
    }

    @ParameterizedTest(name = "status {0}")
    @MethodSource("presentStatuses")
    void acceptsAnyPresentStatusLeavingItsValueToStatusUnknown(FieldValue status) {
        // given
        InputRecord record = aValidRecord().status(status).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void doesNotApplyToRecordThatIsNotAnObject() {
        // given
        InputRecord record = aRecordThatIs(Kind.BOOLEAN);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
