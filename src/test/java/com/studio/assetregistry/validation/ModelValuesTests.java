package com.studio.assetregistry.validation;

import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.validation.rules.DepartmentUnknownRule;
import com.studio.assetregistry.validation.rules.StatusUnknownRule;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelValuesTests {

    @Test
    void defaultsToTheBriefsModel() {
        // when
        ModelValues model = ModelValues.defaults();

        // then
        assertThat(model.types())
                .containsExactly("character", "prop", "set", "environment", "vehicle", "dressing", "fx");
        assertThat(model.departments())
                .containsExactly("modeling", "texturing", "rigging", "animation", "cfx", "fx");
        assertThat(model.statuses()).containsExactly("active", "inactive");
        assertThat(model.maxNameLength()).isEqualTo(255);
    }

    @Test
    void configuredDepartmentsReplaceTheDefaults() {
        // given
        var departments = new LinkedHashSet<>(List.of("modeling", "lighting"));

        // when
        ModelValues model = new ModelValues(null, departments, null, null);

        // then
        assertThat(model.departments()).containsExactly("modeling", "lighting");
        assertThat(model.types()).contains("character");
        assertThat(model.statuses()).containsExactly("active", "inactive");
    }

    @Test
    void departmentUnknownAcceptsAConfiguredDepartment() {
        // given
        var departments = new LinkedHashSet<>(
                List.of("modeling", "texturing", "rigging", "animation", "cfx", "fx", "lighting"));
        var rule = new DepartmentUnknownRule(new ModelValues(null, departments, null, null));

        // when
        Optional<Violation> lighting = rule.check(aValidRecord().department("lighting").build());
        Optional<Violation> lookdev = rule.check(aValidRecord().department("lookdev").build());

        // then
        assertThat(lighting).isEmpty();
        assertThat(lookdev).map(Violation::message).hasValueSatisfying(message ->
                assertThat(message).contains("\"lookdev\"").endsWith("cfx, fx, lighting"));
    }

    @Test
    void departmentUnknownRejectsADefaultDepartmentLeftOutOfTheConfiguration() {
        // given
        var rule = new DepartmentUnknownRule(new ModelValues(null, Set.of("modeling", "lighting"), null, null));

        // when
        Optional<Violation> violation = rule.check(aValidRecord().department("rigging").build());

        // then
        assertThat(violation).map(Violation::rule).hasValue("department.unknown");
    }

    @Test
    void configuredStatusesReplaceTheDefaults() {
        // given
        var rule = new StatusUnknownRule(new ModelValues(null, null, Set.of("active", "archived"), null));

        // when
        Optional<Violation> archived = rule.check(aValidRecord().status("archived").build());
        Optional<Violation> inactive = rule.check(aValidRecord().status("inactive").build());

        // then
        assertThat(archived).isEmpty();
        assertThat(inactive).map(Violation::rule).hasValue("status.unknown");
    }

    @Test
    void emptyConfiguredSetFallsBackToTheDefaults() {
        // when
        ModelValues model = new ModelValues(Set.of(), Set.of(), Set.of(), null);

        // then
        assertThat(model).isEqualTo(ModelValues.defaults());
    }

    @Test
    void keepsConfiguredMaximumNameLength() {
        // when
        ModelValues model = new ModelValues(null, null, null, 1);

        // then
        assertThat(model.maxNameLength()).isEqualTo(1);
        assertThat(new ModelValues(null, null, null, FieldValue.KEPT_CHARS).maxNameLength())
                .isEqualTo(FieldValue.KEPT_CHARS);
    }

    @ParameterizedTest(name = "max-name-length {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, FieldValue.KEPT_CHARS + 1, Integer.MAX_VALUE})
    void rejectsMaximumNameLengthOutsideOneToTheCharactersARecordKeeps(int maxNameLength) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ModelValues(null, null, null, maxNameLength))
                .withMessageContaining("max-length")
                .withMessageContaining(Integer.toString(maxNameLength));
    }

    @Test
    void valueSetsCannotBeModified() {
        // given
        ModelValues model = new ModelValues(null, new LinkedHashSet<>(List.of("modeling")), null, null);

        // then
        assertThatThrownBy(() -> model.departments().add("lighting"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.types().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void doesNotFollowLaterChangesToTheConfiguredSet() {
        // given
        var departments = new LinkedHashSet<>(List.of("modeling"));
        ModelValues model = new ModelValues(null, departments, null, null);

        // when
        departments.add("lighting");

        // then
        assertThat(model.departments()).containsExactly("modeling");
    }
}
