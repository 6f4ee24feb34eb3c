package com.studio.assetregistry.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What breaking a rule does to a record: {@code error} rejects it, {@code warning} only reports it. */
public enum Severity {

    /** The record is rejected and listed in {@code rejects.jsonl}. */
    ERROR,

    /** The record is registered all the same, and listed in {@code warnings.jsonl}. */
    WARNING;

    /** How the rules file, the command line and JSON write it: {@code error}, {@code warning}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
