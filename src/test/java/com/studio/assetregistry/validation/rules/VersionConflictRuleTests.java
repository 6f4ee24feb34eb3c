package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.VersionFindingBuilder.aFindingFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionConflictRuleTests {

    private final VersionConflictRule rule = new VersionConflictRule();

    @ParameterizedTest(name = "registered {0}, requested {1}")
    @CsvSource({"active, inactive", "inactive, active"})
    void rejectsRegisteredVersionGivenAnotherStatus(String registered, String requested) {
        // given
        VersionFinding finding = aFindingFor(3).status(requested).registeredAs(registered).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.conflict");
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.message()).isEqualTo("hero/character/modeling v3 is registered as " + registered
                    + ", this record says " + requested);
        });
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(strings = {"active", "inactive"})
    void acceptsRegisteredVersionGivenTheSameStatus(String status) {
        // given
        VersionFinding finding = aFindingFor(3).status(status).registeredAs(status).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void acceptsVersionThatIsNotRegistered() {
        // given
        VersionFinding finding = aFindingFor(3).status("inactive").build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void comparesStatusesExactly() {
        // given a status the registry would never hold, differing only in case
        VersionFinding finding = aFindingFor(3).status("active").registeredAs("Active").build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).map(Violation::rule).hasValue("version.conflict");
    }
}
