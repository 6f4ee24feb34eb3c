package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.OBJECT;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.FieldValue.Kind;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusUnknownRuleTests {

    private final StatusUnknownRule rule = new StatusUnknownRule(ModelValues.defaults());

    @ParameterizedTest(name = "status \"{0}\"")
    @ValueSource(strings = {"active", "inactive"})
    void acceptsEveryModelStatus(String status) {
        // given
        InputRecord record = aValidRecord().status(status).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<Arguments> statusesOutsideTheModel() {
        return Stream.of(
                Arguments.of(string("deprecated"), "\"deprecated\""),
                Arguments.of(string("Active"), "\"Active\""),
                Arguments.of(string("INACTIVE"), "\"INACTIVE\""),
                Arguments.of(string("active "), "\"active \""),
                Arguments.of(string(""), "\"\""),
                Arguments.of(string(" "), "\" \""),
                Arguments.of(bool(true), "true"),
                Arguments.of(integer("1"), "1"),
                Arguments.of(OBJECT, "an object"));
    }

    @ParameterizedTest(name = "status {1}")
    @MethodSource("statusesOutsideTheModel")
    void rejectsStatusOutsideTheModelWithoutCoercion(FieldValue status, String described) {
        // given
        InputRecord record = aValidRecord().status(status).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("status.unknown");
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.message()).isEqualTo("status " + described + " is not one of active, inactive");
        });
    }

    static Stream<FieldValue> absentStatuses() {
        return Stream.of(MISSING, NULL);
    }

    @ParameterizedTest(name = "status {0}")
    @MethodSource("absentStatuses")
    void leavesMissingOrNullStatusToStatusRequired(FieldValue status) {
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
        InputRecord record = aRecordThatIs(Kind.NULL);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
