package com.studio.assetregistry.validation;

import java.util.Locale;

/** What breaking a rule does to a record: {@code error} rejects it, {@code warning} only reports it. */
public enum Severity {

    /** The record is rejected and listed in {@code rejects.jsonl}. */
    ERROR,

    /** The record is registered all the same, and listed in {@code warnings.jsonl}. */
    WARNING;

    /** How the rules file and the command line write it: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
