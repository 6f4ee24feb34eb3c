package com.studio.assetregistry.storage;

import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A rejected record: where it was, every rule it broke, and the record itself.
 *
 * @param position   where it stands in its file
 * @param violations every rule it broke, at least one
 * @param recordJson the record as one line of JSON: the record as written (compacted) when it was well-formed,
 *                   otherwise a JSON string holding an excerpt of its text
 */
public record Reject(RecordPosition position, List<Violation> violations, String recordJson) {

    public Reject {
        Objects.requireNonNull(position, "The position must not be null.");
        Objects.requireNonNull(recordJson, "The record must not be null.");
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("A reject must carry at least one violation.");
        }
    }
}
