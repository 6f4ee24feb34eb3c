package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.Set;

/**
 * The shape shared by the {@code *.unknown} rules: a present value must be one of a fixed set of strings, matched
 * exactly (case-sensitive, no trimming). Absent values are the matching {@code *.required} rule's to report.
 */
abstract class KnownValueRule implements RecordRule {

    private final Set<String> known;
    private final String listed;

    KnownValueRule(Set<String> known) {
        this.known = Set.copyOf(known);
        this.listed = String.join(", ", known);
    }

    /** The value this rule checks. */
    abstract FieldValue valueOf(InputRecord record);

    /** Whether a blank string is the {@code *.required} rule's to report rather than this one's. */
    boolean blankIsMissing() {
        return false;
    }

    /** The registry holds only the model's values; a studio changes the value set instead. */
    @Override
    public boolean configurable() {
        return false;
    }

    @Override
    public String description() {
        return field() + " is not one of " + listed;
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue value = valueOf(record);
        if (value.isMissingOrNull() || (blankIsMissing() && value.isBlankString())) {
            return Optional.empty();
        }
        if (value.isString() && !value.isCut() && known.contains(value.text())) {
            return Optional.empty();
        }
        return Optional.of(violation(field() + " " + value.describe() + " is not one of " + listed));
    }
}
