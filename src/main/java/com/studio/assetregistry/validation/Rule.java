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

    /** A violation of this rule with the given message. */
    default Violation violation(String message) {
        return new Violation(id(), field(), message);
    }
}
