package com.studio.assetregistry.validation;

import java.util.Objects;

/**
 * One broken rule: what was broken, on which field, and a message a pipeline TD can act on.
 *
 * @param rule    the rule's stable id, e.g. {@code version.sequence}
 * @param field   the record field it concerns, e.g. {@code version} or {@code asset.name}
 * @param message what is wrong, naming the offending value; one line of printable text, its control characters
 *                written as JSON escapes ({@link MessageText#printable}) whatever the rule gave
 */
public record Violation(String rule, String field, String message) {

    public Violation {
        Objects.requireNonNull(rule, "The rule id must not be null.");
        Objects.requireNonNull(field, "The field must not be null.");
        Objects.requireNonNull(message, "The message must not be null.");
        message = MessageText.printable(message);
    }
}
