package com.studio.assetregistry.validation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every rule the service applies, in the order they are checked: reading, record rules, cross-record rules. */
@Component
public class RuleCatalogue {

    private final List<Rule> rules;

    public RuleCatalogue(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** All rules. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id, if there is one. */
    public Optional<Rule> find(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
