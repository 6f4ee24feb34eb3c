package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A version is a JSON integer from 1 to 2147483647. No coercion: {@code "2"}, {@code 2.0} and {@code true} are not
 * versions. Version 1 is valid: the brief's "greater than 1" contradicts its own model ("&ge; 1") and its sequence.
 */
@Component
@Order(51)
public class VersionInvalidRule implements RecordRule {

    @Override public String id() { return "version.invalid"; }
    @Override public String field() { return "version"; }
    @Override public String description() { return "the version is not a JSON integer from 1 to 2147483647"; }
    @Override public boolean configurable() { return false; }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue version = record.version();
        if (version.isMissingOrNull() || isVersionNumber(version)) {
            return Optional.empty();
        }
        String kind = switch (version.kind()) {
            case INTEGER -> "";
            case STRING -> " (a string)";
            case DECIMAL -> " (not an integer)";
            default -> "";
        };
        return Optional.of(violation("version " + version.describe() + kind
                + " is not an integer from 1 to " + Integer.MAX_VALUE));
    }

    /** Whether the value is an integer literal within 1..Integer.MAX_VALUE; bounded before parsing. */
    static boolean isVersionNumber(FieldValue value) {
        if (value.kind() != FieldValue.Kind.INTEGER) {
            return false;
        }
        String text = value.text();
        if (text.startsWith("-") || text.length() > 10) {
            return false;
        }
        long number = Long.parseLong(text);
        return number >= 1 && number <= Integer.MAX_VALUE;
    }
}
