package com.studio.assetregistry.validation;

/**
 * What every rule declares about itself; the catalogue, the report and the API list rules by these.
 */
public interface Rule {

    /** The stable id, {@code <field>.<problem>}, e.g. {@code status.unknown}. Never changes once released. */
    String id();

    /** The record field the rule checks, e.g. {@code status}. */
    String field();

    /** One line saying when the rule breaks. */
    String description();

    /**
     * Whether the rules file may disable this rule or make it a warning. The model's own rules answer {@code false}:
     * without them a record could not be registered at all (it has no name, or a version that is not a number), or
     * the registry would break the model (a value outside its sets, a gap in the versions). A new rule is
     * configurable unless it says otherwise.
     */
    default boolean configurable() {
        return true;
    }

    /** A violation of this rule with the given message. */
    default Violation violation(String message) {
        return new Violation(id(), field(), message);
    }
}
