package com.studio.assetregistry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The composite of every enabled {@link RecordRule}: checks a record against all of them and returns every violation,
 * in the rules' order, errors and warnings apart as the rules file sets each rule's severity. A disabled rule is not
 * checked at all. Stateless and thread-safe.
 */
@Component
public class RecordValidator {

    private final List<RecordRule> rules;
    private final boolean[] warns;

    public RecordValidator(RuleCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "The rule catalogue must not be null.");
        List<RecordRule> enabled = new ArrayList<>();
        List<Boolean> warnings = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            RuleSettings settings = catalogue.settings(rule);
            if (rule instanceof RecordRule recordRule && settings.enabled()) {
                enabled.add(recordRule);
                warnings.add(settings.severity() == Severity.WARNING);
            }
        }
        this.rules = List.copyOf(enabled);
        this.warns = new boolean[warnings.size()];
        for (int i = 0; i < warns.length; i++) {
            warns[i] = warnings.get(i);
        }
    }

    /** Every violation of the record by an enabled rule, errors and warnings apart. */
    public RecordVerdict validate(InputRecord record) {
        List<Violation> errors = null;
        List<Violation> warnings = null;
        for (int i = 0; i < rules.size(); i++) {
            RecordRule rule = rules.get(i);
            if (!rule.appliesTo(record)) {
                continue;
            }
            var violation = rule.check(record);
            if (violation.isEmpty()) {
                continue;
            }
            if (warns[i]) {
                warnings = add(warnings, violation.get());
            } else {
                errors = add(errors, violation.get());
            }
        }
        if (errors == null && warnings == null) {
            return RecordVerdict.CLEAN;
        }
        return new RecordVerdict(errors == null ? List.of() : errors, warnings == null ? List.of() : warnings);
    }

    private static List<Violation> add(List<Violation> violations, Violation violation) {
        List<Violation> list = violations == null ? new ArrayList<>(2) : violations;
        list.add(violation);
        return list;
    }
}
