package com.studio.assetregistry.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * The reject budget of a load, {@code max-reject-rate} in the rules file: the largest share of the records read that
 * it may reject. A load within budget registers what it may; a load over it registers nothing and fails. The arithmetic
 * is exact: a budget of 0.07 allows 7 rejects in 100 records, not 7.000000000000001.
 *
 * @param maxRejectRate the share, from 0 to 1; 1 allows any number of rejects
 */
public record RejectBudget(BigDecimal maxRejectRate) {

    /** No budget: every record may be rejected. */
    public static final RejectBudget NONE = new RejectBudget(BigDecimal.ONE);

    public RejectBudget {
        Objects.requireNonNull(maxRejectRate, "The maximum reject rate must not be null.");
        if (maxRejectRate.signum() < 0 || maxRejectRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("max-reject-rate must be from 0 to 1, got " + maxRejectRate);
        }
    }

    /** Whether some load could exceed it. */
    public boolean isLimited() {
        return maxRejectRate.compareTo(BigDecimal.ONE) < 0;
    }

    /** Whether a load that read {@code read} records may reject {@code rejected} of them: at the limit it may. */
    public boolean allows(long rejected, long read) {
        BigDecimal allowed = maxRejectRate.multiply(BigDecimal.valueOf(read));
        return read == 0 || BigDecimal.valueOf(rejected).compareTo(allowed) <= 0;
    }

    /** {@code rejected 3 of 20 records (15%), more than max-reject-rate 0.1 allows}. */
    public String describeExcess(long rejected, long read) {
        BigDecimal percent = BigDecimal.valueOf(rejected * 100)
                .divide(BigDecimal.valueOf(Math.max(read, 1)), 1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return "rejected " + rejected + " of " + read + " records (" + percent.toPlainString() + "%), more than "
                + "max-reject-rate " + maxRejectRate.toPlainString() + " allows";
    }
}
