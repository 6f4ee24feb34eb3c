package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.ingest.RejectBudgetExceededException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code load FILE}: runs the load job and prints one summary line. */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads a JSON file of version records (an array, or one record per line).",
                "Valid records are registered; every other one is in the run's rejects.jsonl."},
        footer = {"", "Exit codes: 0 the load completed (with or without rejects), 1 it failed, 2 usage error,",
                "4 it rejected more records than the rules file's max-reject-rate allows: nothing was registered.",
                "", "Example:", "  asset-registry load data/asset_data.json"})
class LoadCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Parameters(paramLabel = "FILE", description = "The JSON file to load")
    private Path file;

    /** The exit code of a load that rejected more records than the rules file's max-reject-rate allows. */
    static final int OVER_BUDGET = 4;

    @Override
    public Integer call() {
        LoadSummary summary;
        try {
            summary = top.withRegistry(context -> context.registry().loadAssets(file));
        } catch (RejectBudgetExceededException e) {
            e.summary().ifPresent(failed -> top.out().println(line(failed)));
            top.err().println("error: " + e.getMessage());
            return OVER_BUDGET;
        }
        top.out().println(line(summary));
        return 0;
    }

    /**
     * {@code read 20, registered 17, unchanged 0, rejected 3 (status.unknown 2, version.sequence 1); report: ...},
     * with {@code , warned 2 (name.pattern 2)} before the report when records had warnings.
     */
    static String line(LoadSummary summary) {
        String warned = summary.warned() == 0 ? ""
                : ", warned " + summary.warned() + byRule(summary.warningsByRule());
        return "read " + summary.read() + ", registered " + summary.registered() + ", unchanged "
                + summary.unchanged() + ", rejected " + summary.rejected() + byRule(summary.rejectsByRule()) + warned
                + "; report: " + summary.reportDir() + "/";
    }

    private static String byRule(Map<String, Long> counts) {
        return counts.isEmpty() ? "" : counts.entrySet().stream()
                .map(rule -> rule.getKey() + " " + rule.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
