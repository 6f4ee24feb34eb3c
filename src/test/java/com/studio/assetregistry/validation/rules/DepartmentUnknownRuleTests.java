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
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentUnknownRuleTests {

    private final DepartmentUnknownRule rule = new DepartmentUnknownRule(ModelValues.defaults());

    @ParameterizedTest(name = "department \"{0}\"")
    @ValueSource(strings = {"modeling", "texturing", "rigging", "animation", "cfx", "fx"})
    void acceptsEveryModelDepartment(String department) {
        // given
        InputRecord record = aValidRecord().department(department).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<Arguments> departmentsOutsideTheModel() {
        return Stream.of(
                Arguments.of(string("lighting"), "\"lighting\""),
                Arguments.of(string("Modeling"), "\"Modeling\""),
                Arguments.of(string("FX"), "\"FX\""),
                Arguments.of(string(" modeling"), "\" modeling\""),
                Arguments.of(string("modeling "), "\"modeling \""),
                Arguments.of(integer("3"), "3"),
                Arguments.of(bool(false), "false"),
                Arguments.of(ARRAY, "an array"));
    }

    @ParameterizedTest(name = "department {1}")
    @MethodSource("departmentsOutsideTheModel")
    void rejectsDepartmentOutsideTheModelWithoutCoercion(FieldValue department, String described) {
        // given
        InputRecord record = aValidRecord().department(department).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("department.unknown");
            assertThat(v.field()).isEqualTo("department");
            assertThat(v.message()).isEqualTo("department " + described
                    + " is not one of modeling, texturing, rigging, animation, cfx, fx");
        });
    }

    static Stream<FieldValue> departmentsThatDepartmentRequiredOwns() {
        return Stream.of(MISSING, NULL, string(""), string("   "), string("\t"));
    }

    @ParameterizedTest(name = "department {0}")
    @MethodSource("departmentsThatDepartmentRequiredOwns")
    void leavesMissingNullAndBlankDepartmentToDepartmentRequired(FieldValue department) {
        // given
        InputRecord record = aValidRecord().department(department).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void doesNotApplyToRecordThatIsNotAnObject() {
        // given
        InputRecord record = aRecordThatIs(Kind.STRING);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
