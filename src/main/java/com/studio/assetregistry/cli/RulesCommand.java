package com.studio.assetregistry.cli;

import com.studio.assetregistry.validation.MessageText;
import com.studio.assetregistry.validation.RuleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code rules}: lists every rule with the settings of the rules file in force, as an aligned table. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Lists every rule in the order records are checked, with the settings of the rules file in "
                        + "force: id, severity (error rejects the record, warning only reports it), enabled, "
                        + "description."},
        footer = {"",
                "ENABLED is 'always' for the model's own rules, which the rules file cannot disable or make warnings.",
                "",
                "Examples:",
                "  asset-registry rules",
                "  asset-registry --rules studio-rules.yml rules --json"})
class RulesCommand implements Callable<Integer> {

    private static final List<String> HEADER = List.of("ID", "SEVERITY", "ENABLED", "DESCRIPTION");

    @ParentCommand
    private AssetRegistryCommand top;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        List<RuleEntry> rules = top.withoutRegistry(RegistryContext::rules); // no registry created to list rules
        if (output.json) {
            JsonOutput.print(top.out(), rules);
            return 0;
        }
        table(rules).forEach(top.out()::println);
        return 0;
    }

    /** The table's lines: a header, then one line per rule, columns padded to their widest cell. */
    static List<String> table(List<RuleEntry> rules) {
        List<List<String>> rows = new ArrayList<>(rules.size() + 1);
        rows.add(HEADER);
        for (RuleEntry rule : rules) {
            String enabled = !rule.configurable() ? "always" : rule.enabled() ? "yes" : "no";
            // a rules file's values and pattern, which descriptions state, may hold any character
            rows.add(List.of(MessageText.printable(rule.id()), rule.severity().label(), enabled,
                    MessageText.printable(rule.description())));
        }
        int[] widths = new int[HEADER.size() - 1];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            var line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                line.append(row.get(column)).append(" ".repeat(widths[column] - row.get(column).length() + 2));
            }
            lines.add(line.append(row.get(widths.length)).toString());
        }
        return lines;
    }
}
