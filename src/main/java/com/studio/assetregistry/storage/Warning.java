package com.studio.assetregistry.storage;

import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A record that broke rules whose severity is {@code warning}: where it was, every such rule it broke, and the record
 * itself. The warnings did not stop it; whether it was registered is up to the other rules.
 *
 * @param position   where it stands in its file
 * @param violations every warning rule it broke, at least one
 * @param recordJson the record as one line of JSON, as written (compacted)
 */
public record Warning(RecordPosition position, List<Violation> violations, String recordJson) {

    public Warning {
        Objects.requireNonNull(position, "The position must not be null.");
        Objects.requireNonNull(recordJson, "The record must not be null.");
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A warning must carry at least one violation.");
        }
    }
}
