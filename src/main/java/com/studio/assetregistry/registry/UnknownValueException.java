package com.studio.assetregistry.registry;

import com.studio.assetregistry.validation.MessageText;
import java.util.Collection;
import java.util.List;

/**
 * A filter value that no asset or version can have: the model in force does not know it, and nothing registered holds
 * it (as an asset registered under an earlier rules file would). Most likely a typing mistake, which an empty answer
 * would hide: the command line answers it as a usage error, the REST API as a 400 naming the parameter.
 */
public final class UnknownValueException extends IllegalArgumentException {

    private final String field;
    private final String value;
    private final List<String> known;

    /**
     * @param field what the value is ({@code type}, {@code department}, {@code status}), as a parameter names it
     * @param value the value given
     * @param known the values the model in force knows, in its order
     */
    public UnknownValueException(String field, String value, Collection<String> known) {
        super("unknown " + field + " '" + MessageText.printable(value) + "': the " + plural(field) + " are "
                + String.join(", ", known));
        this.field = field;
        this.value = value;
        this.known = List.copyOf(known);
    }

    /** What the value is: {@code type}, {@code department} or {@code status}. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    /** The values the model in force knows. */
    public List<String> known() {
        return known;
    }

    private static String plural(String field) {
        return field.endsWith("s") ? field + "es" : field + "s";
    }
}
