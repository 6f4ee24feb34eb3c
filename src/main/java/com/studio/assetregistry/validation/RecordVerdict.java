package com.studio.assetregistry.validation;

import java.util.List;

/**
 * What the record rules say of one record: the violations of rules whose severity is error, which reject it, and those
 * of rules whose severity is warning, which do not.
 *
 * @param errors   every violation that rejects the record, in the rules' order
 * @param warnings every violation that is only reported, in the rules' order
 */
public record RecordVerdict(List<Violation> errors, List<Violation> warnings) {

    /** A record that keeps every rule. */
    public static final RecordVerdict CLEAN = new RecordVerdict(List.of(), List.of());

    public RecordVerdict {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the record is rejected. */
    public boolean rejects() {
        return !errors.isEmpty();
    }
}
