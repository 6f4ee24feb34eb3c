package com.studio.assetregistry.validation;

import java.util.Optional;

/**
 * A rule that judges one record on its own, with no knowledge of other records or of the registry.
 * <p>
 * Implementations are stateless and thread-safe, and are found by component scanning.
 */
public interface RecordRule extends Rule {

    /**
     * Whether the rule looks at this record at all. By default only records that are JSON objects are checked:
     * for anything else, {@code record.malformed} says all there is to say.
     */
    default boolean appliesTo(InputRecord record) {
        return record.isObject();
    }

    /** The violation of this rule by the record, or empty if the record keeps it. */
    Optional<Violation> check(InputRecord record);
}
