package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;

/** The shape shared by the {@code *.required} rules: the field must be present and not null. */
abstract class RequiredValueRule implements RecordRule {

    /** The value this rule checks. */
    abstract FieldValue valueOf(InputRecord record);

    /** A record without the value cannot be registered: the model requires it. */
    @Override
    public boolean configurable() {
        return false;
    }

    /** Whether an empty or blank string counts as missing. */
    boolean blankIsMissing() {
        return false;
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue value = valueOf(record);
        if (value.isMissingOrNull()) {
            return Optional.of(violation(field() + " is " + value.describe()));
        }
        if (blankIsMissing() && value.isBlankString()) {
            return Optional.of(violation(field() + " is blank"));
        }
        return Optional.empty();
    }
}
