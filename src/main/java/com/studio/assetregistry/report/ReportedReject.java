package com.studio.assetregistry.report;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code rejects.jsonl}, as read back: a rejected record, where it stood, every rule it broke and the
 * record itself. Also the JSON shape of a reject, for the command line and the REST API.
 * <p>
 * The record is kept as JSON text and written as it is: parsed into a tree and written again, its numbers would not be
 * what the file said ({@code 1.10} would become {@code 1.1}, {@code -0} {@code 0}, {@code 1e999999999} a string).
 *
 * @param recordNumber the record's 1-based number in its file
 * @param line         the line where it starts
 * @param column       the column where it starts, in characters
 * @param rules        every rule it broke
 * @param record       the record as it was in the file, as JSON text (compacted), or a JSON string holding the start
 *                     of its text if it was not well-formed JSON; the JSON text {@code null} if there is none. It
 *                     must be valid JSON: it is written into the reject's JSON unchanged
 */
public record ReportedReject(long recordNumber, long line, long column, List<BrokenRule> rules,
                             @JsonRawValue @Schema(implementation = Object.class, description = RECORD)
                             String record) {

    /** What {@code record} is, for the API's description: its Java type is the JSON text, not a JSON string. */
    static final String RECORD = "the record as it was in the file, any JSON value: an object for a well-formed"
            + " record, a string holding the start of its text if it was not well-formed JSON, null if there is none";

    public ReportedReject {
        rules = rules == null ? List.of() : List.copyOf(rules);
        record = record == null || record.isBlank() ? "null" : record;
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
