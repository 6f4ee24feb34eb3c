package com.studio.assetregistry.validation;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The model's value sets and name policy, as the rules file sets them ({@code model} and {@code name} in
 * {@code rules.yml}). Unset values take the brief's, which are also those of the rules file in the jar, so a studio
 * that adds a department lists the full set in its rules file and changes no code.
 *
 * @param types         the asset types
 * @param departments   the departments
 * @param statuses      the version statuses
 * @param maxNameLength the longest asset name accepted, in characters
 * @param namePattern   a regular expression every name must match whole ({@code name.pattern}); empty for none
 */
public record ModelValues(Set<String> types, Set<String> departments, Set<String> statuses, Integer maxNameLength,
                          String namePattern) {

    /**
     * The highest name limit there can be: a record keeps only the first {@link FieldValue#KEPT_CHARS} characters of
     * a longer string, and {@code name.invalid} rejects a name so cut, whatever a higher limit would say.
     */
    public static final int MAX_NAME_LENGTH = FieldValue.KEPT_CHARS;

    private static final List<String> DEFAULT_TYPES =
            List.of("character", "prop", "set", "environment", "vehicle", "dressing", "fx");
    private static final List<String> DEFAULT_DEPARTMENTS =
            List.of("modeling", "texturing", "rigging", "animation", "cfx", "fx");
    private static final List<String> DEFAULT_STATUSES = List.of("active", "inactive");
    private static final int DEFAULT_MAX_NAME_LENGTH = 255;

    public ModelValues {
        types = ordered(types, DEFAULT_TYPES);
        departments = ordered(departments, DEFAULT_DEPARTMENTS);
        statuses = ordered(statuses, DEFAULT_STATUSES);
        maxNameLength = maxNameLength == null ? DEFAULT_MAX_NAME_LENGTH : maxNameLength;
        if (maxNameLength < 1 || maxNameLength > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name.max-length must be from 1 to " + MAX_NAME_LENGTH + ", got "
                    + maxNameLength);
        }
        namePattern = namePattern == null ? "" : namePattern;
        try {
            Pattern.compile(namePattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("name.pattern is not a regular expression: " + e.getDescription(), e);
        }
    }

    /** The value sets and the name length, with no name pattern. */
    public ModelValues(Set<String> types, Set<String> departments, Set<String> statuses, Integer maxNameLength) {
        this(types, departments, statuses, maxNameLength, null);
    }

    /** The brief's model: seven types, six departments, two statuses, names up to 255 characters, any pattern. */
    public static ModelValues defaults() {
        return new ModelValues(null, null, null, null, null);
    }

    /** The name pattern, compiled; empty if every name may pass. */
    public Optional<Pattern> compiledNamePattern() {
        return namePattern.isEmpty() ? Optional.empty() : Optional.of(Pattern.compile(namePattern));
    }

    private static Set<String> ordered(Set<String> configured, List<String> defaults) {
        return configured == null || configured.isEmpty()
                ? Collections.unmodifiableSet(new LinkedHashSet<>(defaults))
                : Collections.unmodifiableSet(new LinkedHashSet<>(configured));
    }
}
