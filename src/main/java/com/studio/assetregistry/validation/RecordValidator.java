package com.studio.assetregistry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The composite of every {@link RecordRule}: checks a record against all of them and returns every violation, in
 * the rules' order. Stateless and thread-safe.
 */
@Component
public class RecordValidator {

    private final List<RecordRule> rules;

    public RecordValidator(List<RecordRule> rules) {
        Objects.requireNonNull(rules, "The record rules must not be null.");
        this.rules = List.copyOf(rules);
    }

    /** Every violation of the record, or an empty list if it keeps every rule. */
    public List<Violation> validate(InputRecord record) {
        List<Violation> violations = null;
        for (RecordRule rule : rules) {
            if (!rule.appliesTo(record)) {
                continue;
            }
            var violation = rule.check(record);
            if (violation.isPresent()) {
                if (violations == null) {
                    violations = new ArrayList<>(2);
                }
                violations.add(violation.get());
            }
        }
        return violations == null ? List.of() : violations;
    }
}
