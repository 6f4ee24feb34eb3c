package com.studio.assetregistry.validation;

import java.util.Optional;

/**
 * A rule that judges a record against the rest of its load and against the registry.
 * <p>
 * These rules need the whole load, so they do not read records themselves: the storage layer computes a
 * {@link VersionFinding} for every candidate version set-wise, and each rule turns the facts into a violation.
 * Implementations are stateless and thread-safe.
 */
public interface CrossRecordRule extends Rule {

    /** The cross-record rules keep the model's uniqueness and its 1..N sequences: none can be relaxed. */
    @Override
    default boolean configurable() {
        return false;
    }

    /** The violation of this rule by the candidate described by the finding, or empty if it keeps the rule. */
    Optional<Violation> check(VersionFinding finding);
}
