package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.VersionFindingBuilder.aFindingFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionDuplicateRuleTests {

    private final VersionDuplicateRule rule = new VersionDuplicateRule();

    @Test
    void rejectsVersionAnEarlierRecordOfTheLoadAlreadyClaims() {
        // given
        VersionFinding finding = aFindingFor(2).repeatingRecord(3, 7).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.duplicate");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("hero/character/modeling v2 already appears in record 3");
        });
    }

    @Test
    void acceptsFirstRecordOfAVersion() {
        // given
        VersionFinding finding = aFindingFor(2).repeatingRecord(7, 7).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void acceptsFirstRecordEvenWhenTheVersionIsRegistered() {
        // given
        VersionFinding finding = aFindingFor(2).registeredAs("active").build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }
}
