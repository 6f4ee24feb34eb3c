package com.studio.assetregistry.generate;

/**
 * What to generate.
 *
 * @param records   how many records the file holds
 * @param errorRate the share of records that break a rule, from 0 to 1
 * @param seed      the seed of the random generator: the same options give the same file
 * @param jsonLines one record per line instead of one top-level array
 */
public record GeneratorOptions(long records, double errorRate, long seed, boolean jsonLines) {

    public GeneratorOptions {
        if (records < 0) {
            throw new IllegalArgumentException("The number of records must be 0 or more, got " + records);
        }
        if (!(errorRate >= 0 && errorRate <= 1)) {
            throw new IllegalArgumentException("The error rate must be from 0 to 1, got " + errorRate);
        }
    }
}
