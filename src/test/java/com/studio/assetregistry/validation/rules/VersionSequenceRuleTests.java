package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.VersionFindingBuilder.aFindingFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSequenceRuleTests {

    private final VersionSequenceRule rule = new VersionSequenceRule();

    @Test
    void rejectsVersionAboveAGapNamingTheMissingVersion() {
        // given v1 and v2 complete, v4 asked for
        VersionFinding finding = aFindingFor(4).completeUpTo(2).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("version.sequence");
            assertThat(v.field()).isEqualTo("version");
            assertThat(v.message()).isEqualTo("hero/character/modeling v4: v3 is missing");
        });
    }

    @ParameterizedTest(name = "v{0} with 1..{1} complete: v{2} missing")
    @CsvSource({"2, 0, 1", "1, 0, 1", "9, 3, 4", "2147483647, 2147483645, 2147483646"})
    void namesTheFirstMissingVersion(int version, long completeUpTo, long missing) {
        // given
        VersionFinding finding = aFindingFor(version).department("rigging").completeUpTo(completeUpTo).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).map(Violation::message)
                .hasValue("hero/character/rigging v" + version + ": v" + missing + " is missing");
    }

    @ParameterizedTest(name = "v{0} with 1..{1} complete")
    @CsvSource({"1, 1", "3, 3", "2, 5", "2147483647, 2147483647"})
    void acceptsVersionWithinTheGapFreePrefix(int version, long completeUpTo) {
        // given
        VersionFinding finding = aFindingFor(version).completeUpTo(completeUpTo).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void acceptsRegisteredVersionEvenAboveTheCompletePrefix() {
        // given
        VersionFinding finding = aFindingFor(5).registeredAs("active").completeUpTo(2).build();

        // when
        Optional<Violation> violation = rule.check(finding);

        // then
        assertThat(violation).isEmpty();
    }
}
