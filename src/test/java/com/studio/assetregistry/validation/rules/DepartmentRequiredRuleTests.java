package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.aRecordThatIs;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
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
import org.junit.jupiter.params.provider.ValueSource;

class DepartmentRequiredRuleTests {

    private final DepartmentRequiredRule rule = new DepartmentRequiredRule();

    static Stream<Arguments> absentDepartments() {
        return Stream.of(Arguments.of(MISSING, "missing"), Arguments.of(NULL, "null"));
    }

    @ParameterizedTest(name = "department {1}")
    @MethodSource("absentDepartments")
    void rejectsMissingOrNullDepartment(FieldValue department, String described) {
        // given
        InputRecord record = aValidRecord().department(department).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("department.required");
            assertThat(v.field()).isEqualTo("department");
            assertThat(v.message()).isEqualTo("department is " + described);
        });
    }

    @ParameterizedTest(name = "department \"{0}\"")
    @ValueSource(strings = {"", " ", "\t", "  \n  "})
    void rejectsBlankDepartment(String blank) {
        // given
        InputRecord record = aValidRecord().department(blank).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("department.required");
            assertThat(v.field()).isEqualTo("department");
            assertThat(v.message()).isEqualTo("department is blank");
        });
    }

    static Stream<FieldValue> presentDepartments() {
        return Stream.of(string("modeling"), string("lighting"), string(" modeling"), integer("2"));
    }

    @ParameterizedTest(name = "department {0}")
    @MethodSource("presentDepartments")
    void acceptsAnyPresentDepartmentLeavingItsValueToDepartmentUnknown(FieldValue department) {
        // given
        InputRecord record = aValidRecord().department(department).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void appliesWhenAssetIsNotAnObject() {
        // given
        InputRecord record = aValidRecord().asset(NULL).department(MISSING).build();

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isTrue();
    }

    @Test
    void doesNotApplyToRecordThatIsNotAnObject() {
        // given
        InputRecord record = aRecordThatIs(Kind.ARRAY);

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }
}
