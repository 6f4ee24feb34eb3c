package com.studio.assetregistry.report;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One line of {@code rejects.jsonl}, as read back: a rejected record, where it stood, every rule it broke and the
 * record itself. Also the JSON shape of a reject, for the command line and the REST API.
 *
 * @param recordNumber the record's 1-based number in its file
 * @param line         the line where it starts
 * @param column       the column where it starts, in characters
 * @param rules        every rule it broke
 * @param record       the record as it was in the file, or a string holding the start of its text if it was not
 *                     well-formed JSON
 */
public record ReportedReject(long recordNumber, long line, long column, List<BrokenRule> rules, JsonNode record) {

    public ReportedReject {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * A rule the record broke.
     *
     * @param id      the rule id
     * @param field   the field it concerns
     * @param message what is wrong
     */
    public record BrokenRule(String id, String field, String message) {
    }

    /** How the record broke the rule with this id, if it did. */
    public Optional<BrokenRule> broken(String ruleId) {
        return rules.stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }
}
