package com.studio.assetregistry.generate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a correct load of a generated file into an empty registry produces.
 *
 * @param read          records in the file
 * @param registered    versions a load registers
 * @param rejected      records a load rejects; each breaks exactly one rule
 * @param rejectsByRule rejected records per rule id
 */
public record ExpectedOutcome(long read, long registered, long rejected, Map<String, Long> rejectsByRule) {

    public ExpectedOutcome {
        rejectsByRule = Collections.unmodifiableMap(new TreeMap<>(rejectsByRule));
    }

    /** In the words of the load's summary line: {@code read 20, registered 17, unchanged 0, rejected 3 (...)}. */
    public String summaryLine() {
        String rules = rejectsByRule.isEmpty() ? "" : rejectsByRule.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
        return "read " + read + ", registered " + registered + ", unchanged 0, rejected " + rejected + rules;
    }
}
