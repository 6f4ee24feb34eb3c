package com.studio.assetregistry.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Limits that keep one hostile record from exhausting memory, under {@code registry.reader}. A record over a limit
 * is rejected with {@code record.too_large}; the load goes on.
 *
 * @param maxRecordBytes  the largest record, in bytes (1 MiB by default); also bounds the length of a string
 * @param maxNestingDepth the deepest nesting of objects and arrays (64 by default)
 * @param maxNumberLength the longest number literal, in characters (100 by default)
 */
@ConfigurationProperties("registry.reader")
public record ReaderLimits(Integer maxRecordBytes, Integer maxNestingDepth, Integer maxNumberLength) {

    /** How Jackson names the limit a record broke: "... (64, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern JACKSON_LIMIT = Pattern.compile("from `StreamReadConstraints\\.getMax(\\w+)\\(\\)`");

    public ReaderLimits {
        maxRecordBytes = positive("max-record-bytes", maxRecordBytes, 1 << 20);
        maxNestingDepth = positive("max-nesting-depth", maxNestingDepth, 64);
        maxNumberLength = positive("max-number-length", maxNumberLength, 100);
    }

    /** 1 MiB records, nesting 64 deep, numbers of 100 digits. */
    public static ReaderLimits defaults() {
        return new ReaderLimits(null, null, null);
    }

    /**
     * Jackson's message for a record over one of these limits, with the limit's property in place of the Jackson
     * method that Jackson names: a reader of the report can set the one, not the other.
     */
    static String describe(StreamConstraintsException e) {
        Matcher getter = JACKSON_LIMIT.matcher(e.getOriginalMessage());
        StringBuilder message = new StringBuilder();
        while (getter.find()) {
            String property = switch (getter.group(1)) {
                case "NestingDepth" -> "max-nesting-depth";
                case "NumberLength" -> "max-number-length";
                case "StringLength", "NameLength", "DocumentLength" -> "max-record-bytes";
                default -> null;
            };
            getter.appendReplacement(message, property == null ? "$0" : "registry.reader." + property);
        }
        return getter.appendTail(message).toString();
    }

    private static int positive(String name, Integer value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < 1) {
            throw new IllegalArgumentException("registry.reader." + name + " must be 1 or more, got " + value);
        }
        return value;
    }
}
