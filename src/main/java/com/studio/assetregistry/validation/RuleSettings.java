package com.studio.assetregistry.validation;

import java.util.Objects;

/**
 * How the rules file sets one rule.
 *
 * @param enabled  whether records are checked against the rule at all
 * @param severity what breaking it does to a record
 */
public record RuleSettings(boolean enabled, Severity severity) {

    /** A rule the rules file does not mention: checked, and an error. */
    public static final RuleSettings DEFAULT = new RuleSettings(true, Severity.ERROR);

    public RuleSettings {
        Objects.requireNonNull(severity, "The severity must not be null.");
    }
}
