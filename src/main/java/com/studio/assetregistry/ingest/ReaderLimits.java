package com.studio.assetregistry.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

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

    public ReaderLimits {
        maxRecordBytes = positive("max-record-bytes", maxRecordBytes, 1 << 20);
        maxNestingDepth = positive("max-nesting-depth", maxNestingDepth, 64);
        maxNumberLength = positive("max-number-length", maxNumberLength, 100);
    }

    /** 1 MiB records, nesting 64 deep, numbers of 100 digits. */
    public static ReaderLimits defaults() {
        return new ReaderLimits(null, null, null);
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
