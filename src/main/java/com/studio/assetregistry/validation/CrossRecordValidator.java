package com.studio.assetregistry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The composite of every {@link CrossRecordRule}: turns the facts about a candidate version into every violation it
 * commits. Stateless and thread-safe.
 */
@Component
public class CrossRecordValidator {

    private final List<CrossRecordRule> rules;

    public CrossRecordValidator(List<CrossRecordRule> rules) {
        Objects.requireNonNull(rules, "The cross-record rules must not be null.");
        this.rules = List.copyOf(rules);
    }

    /** Every violation the candidate commits, or an empty list if it may be registered. */
    public List<Violation> validate(VersionFinding finding) {
        List<Violation> violations = new ArrayList<>(1);
        for (CrossRecordRule rule : rules) {
            rule.check(finding).ifPresent(violations::add);
        }
        return violations;
    }
}
