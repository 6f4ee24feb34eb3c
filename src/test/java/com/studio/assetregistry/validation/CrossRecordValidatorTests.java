package com.studio.assetregistry.validation;

import static com.studio.assetregistry.validation.VersionFindingBuilder.aFindingFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.rules.VersionConflictRule;
import com.studio.assetregistry.validation.rules.VersionDuplicateRule;
import com.studio.assetregistry.validation.rules.VersionSequenceRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossRecordValidatorTests {

    private final CrossRecordValidator validator = new CrossRecordValidator(List.of(
            new VersionDuplicateRule(), new VersionConflictRule(), new VersionSequenceRule()));

    @Test
    void acceptsFirstRecordOfTheNextVersion() {
        // given
        VersionFinding finding = aFindingFor(3).completeUpTo(3).build();

        // when
        List<Violation> violations = validator.validate(finding);

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsRecordThatRepeatsARegisteredVersionAsIs() {
        // given
        VersionFinding finding = aFindingFor(2).status("inactive").registeredAs("inactive").completeUpTo(5).build();

        // when
        List<Violation> violations = validator.validate(finding);

        // then
        assertThat(violations).isEmpty();
    }

    @Test
    void reportsDuplicateAndGapTogetherInRuleOrder() {
        // given
        VersionFinding finding = aFindingFor(4).repeatingRecord(2, 5).completeUpTo(1).build();

        // when
        List<Violation> violations = validator.validate(finding);

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("version.duplicate", "version.sequence");
        assertThat(violations.get(1).message()).isEqualTo("hero/character/modeling v4: v2 is missing");
    }

    @Test
    void reportsDuplicateAndConflictTogetherInRuleOrder() {
        // given
        VersionFinding finding = aFindingFor(1).status("inactive").registeredAs("active").repeatingRecord(1, 2)
                .build();

        // when
        List<Violation> violations = validator.validate(finding);

        // then
        assertThat(violations).extracting(Violation::rule).containsExactly("version.duplicate", "version.conflict");
    }
}
