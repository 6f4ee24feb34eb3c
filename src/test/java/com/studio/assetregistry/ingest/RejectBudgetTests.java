package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RejectBudgetTests {

    @ParameterizedTest(name = "max {0}: {1} of {2} rejected -> allowed {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0.05 | 4  | 100 | true
            0.05 | 5  | 100 | true
            0.05 | 6  | 100 | false
            0.07 | 7  | 100 | true
            0.07 | 8  | 100 | false
            0.25 | 1  | 4   | true
            0.25 | 2  | 4   | false
            0    | 0  | 10  | true
            0    | 1  | 10  | false
            1    | 10 | 10  | true
            0.1  | 0  | 0   | true
            """)
    void allowsRejectsUpToAndAtItsLimitButNotAbove(BigDecimal max, long rejected, long read, boolean allowed) {
        assertThat(new RejectBudget(max).allows(rejected, read)).isEqualTo(allowed);
    }

    @Test
    void isLimitedOnlyBelowOne() {
        assertThat(RejectBudget.NONE.isLimited()).isFalse();
        assertThat(new RejectBudget(new BigDecimal("0.999")).isLimited()).isTrue();
    }

    @Test
    void describesAnExcessAsAShareOfTheRecordsRead() {
        assertThat(new RejectBudget(new BigDecimal("0.1")).describeExcess(3, 20))
                .isEqualTo("rejected 3 of 20 records (15%), more than max-reject-rate 0.1 allows");
        assertThat(new RejectBudget(new BigDecimal("0.25")).describeExcess(1, 3))
                .isEqualTo("rejected 1 of 3 records (33.3%), more than max-reject-rate 0.25 allows");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-0.01", "1.01"})
    void refusesAShareOutsideZeroToOne(String max) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RejectBudget(new BigDecimal(max)));
    }
}
