package com.studio.assetregistry.cli;

import com.studio.assetregistry.registry.AssetValidationException;
import com.studio.assetregistry.validation.Violation;

/** Prints a refused add: one line saying what was not added and what to do, then every violation in a table. */
final class Violations {

    private Violations() {
    }

    /** Prints the refusal on the command's standard error and returns exit code 1. */
    static int refused(AssetRegistryCommand top, String source, AssetValidationException refusal) {
        int count = refusal.violations().size();
        top.error(source + " was not added: " + (count == 1 ? "it breaks a rule" : "it breaks " + count + " rules")
                + "; fix " + (count == 1 ? "it" : "them") + " and add it again");
        Table table = Table.indented(top.err(), "  ", "RULE", "FIELD", "MESSAGE");
        for (Violation violation : refusal.violations()) {
            table.row(violation.rule(), violation.field(), violation.message());
        }
        table.end();
        return 1;
    }
}
