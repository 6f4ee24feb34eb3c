package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.FileDigest;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadProgress;
import com.studio.assetregistry.ingest.LoadProgressListener;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.ingest.RejectBudgetExceededException;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.validation.MessageText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code load FILE...}: loads each file in turn and prints one summary line for each. A file that cannot be loaded
 * (missing, unreadable, a failed run) is one error line, and the next file is loaded all the same; the exit code is
 * the worst outcome of them all.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads JSON files of version records (an array, or one record per line), one after another.",
                "Valid records are registered; every other one is in the run's rejects.jsonl.",
                "Content already loaded completely is not loaded again (the line names the earlier run) unless --force.",
                "Progress goes to standard error: a bar on a terminal, else a line every few seconds."},
        footer = {"",
                "Exit codes, the worst of all the files: 0 every load completed (with or without rejects) or was "
                        + "loaded before, 1 a file could not be loaded or its load failed, 2 usage error, 4 a load "
                        + "rejected more records than the rules file's max-reject-rate allows: it registered nothing.",
                "",
                "Examples:",
                "  asset-registry load data/asset_data.json",
                "  asset-registry load --dry-run nightly/*.json",
                "  asset-registry load --force --progress log data/asset_data.json"})
class LoadCommand implements Callable<Integer> {

    /** The exit code of a load that rejected more records than the rules file's max-reject-rate allows. */
    static final int OVER_BUDGET = 4;
    private static final int FAILED = 1;

    @ParentCommand
    private AssetRegistryCommand top;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The JSON files to load, in this order")
    private List<Path> files;

    @Option(names = "--force", description = "Load content that was already loaded completely again")
    private boolean force;

    @Option(names = "--dry-run", description = "Judge every record by every rule and write the full report, "
            + "registering nothing")
    private boolean dryRun;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
            description = "How to show progress on standard error: auto (a bar on a terminal, else log lines), "
                    + "bar, log or none (default: ${DEFAULT-VALUE})")
    private String progress;

    @Option(names = "--progress-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "The least time between two progress log lines (default: ${DEFAULT-VALUE})")
    private double progressInterval;

    @Override
    public Integer call() {
        ProgressDisplay.Mode mode = progressMode();
        if (!(progressInterval >= 0)) {
            throw new ParameterException(spec.commandLine(), "--progress-interval must be 0 or more, got "
                    + progressInterval);
        }
        // Each file is hashed ahead: the first while the registry opens, each next one while the one before loads.
        FileDigest first = FileDigest.start(files.get(0));
        // from the start: the registry takes a second or more to open, and a stop then deserves its line too
        try (Interruption interruption = Interruption.announce(top::lastNote, stopped(files.get(0)))) {
            return top.withRegistry(context -> {
                int worst = 0;
                FileDigest next = first;
                for (int i = 0; i < files.size(); i++) {
                    FileDigest digest = next;
                    next = i + 1 < files.size() ? FileDigest.start(files.get(i + 1)) : null;
                    interruption.say(stopped(files.get(i)));
                    worst = worse(worst, load(context.registry(), files.get(i), digest, mode, interruption));
                }
                return worst;
            });
        }
    }

    /** What to tell a user who stopped the load of {@code file}. */
    private String stopped(Path file) {
        return "the " + (dryRun ? "dry run" : "load") + " of " + file + " stopped before it finished; "
                + (dryRun ? "run the same dry run" : "load the same file") + " again to resume it from its last commit";
    }

    /** What to tell a user who stopped the load of {@code file} once only its report was left to write. */
    private String reportLeft(Path file) {
        return "the " + (dryRun ? "dry run" : "load") + " of " + file + " stopped as it wrote its report: "
                + (dryRun ? "every record is judged" : "its outcome is registered (asset-registry runs shows it)")
                + "; " + (dryRun ? "run the same dry run" : "load the same file") + " again to write the report";
    }

    private ProgressDisplay.Mode progressMode() {
        try {
            return ProgressDisplay.Mode.of(progress);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--progress must be auto, bar, log or none, not '"
                    + progress + "'");
        }
    }

    /** Loads one file, prints its line, and returns its exit code. */
    private int load(AssetRegistry registry, Path file, FileDigest digest, ProgressDisplay.Mode mode,
                     Interruption interruption) {
        String prefix = files.size() > 1 ? file + ": " : "";
        var request = LoadRequest.of(file).withForce(force).withDryRun(dryRun).withDigest(digest);
        try (ProgressDisplay display = top.showing(ProgressDisplay.of(mode, file, top.err(),
                Duration.ofNanos((long) (progressInterval * 1e9))))) {
            LoadSummary summary = registry.loadAssets(request.withProgress(new LoadProgressListener() {
                @Override
                public void progressed(LoadProgress progress) {
                    if (progress.phase() == LoadProgress.Phase.REPORTING) {
                        interruption.say(reportLeft(file));
                    }
                    display.progressed(progress);
                }

                @Override
                public void waiting(String message) { // whatever the display: a queued load must not look hung
                    top.note(MessageText.printable(message));
                }

                @Override
                public void warned(String message) {
                    top.note("warning: " + MessageText.printable(message));
                }
            }));
            display.close(); // the bar ends before the summary line
            top.out().println(MessageText.printable(prefix + line(summary, file)));
            return 0;
        } catch (RejectBudgetExceededException e) {
            e.summary().ifPresent(failed -> top.out().println(MessageText.printable(prefix + line(failed, file))));
            top.error(e.getMessage());
            return OVER_BUDGET;
        } catch (LoadException e) {
            top.error(e.getMessage());
            return FAILED;
        } finally {
            top.out().flush();
        }
    }

    /** A failure that stopped a load is worse than a load over its budget, which is worse than success. */
    private static int worse(int one, int other) {
        return rank(one) >= rank(other) ? one : other;
    }

    private static int rank(int exitCode) {
        return switch (exitCode) {
            case 0 -> 0;
            case OVER_BUDGET -> 1;
            default -> 2;
        };
    }

    /** The summary line of a load, of a dry run, or of content loaded before. */
    static String line(LoadSummary summary, Path given) {
        if (summary.alreadyLoaded()) {
            String from = summary.file().equals(given) ? "" : " (" + summary.file() + ")";
            return "already loaded as run " + summary.runId() + from + " on " + HumanFormat.time(summary.startedAt())
                    + " (" + summary.countsLine() + "); report: " + summary.reportDir()
                    + "/; use --force to load it again";
        }
        if (summary.dryRun()) {
            return "dry run: would register " + summary.registered() + " of " + summary.read() + " records read"
                    + ", unchanged " + summary.unchanged() + ", rejected " + summary.rejected()
                    + LoadSummary.byRule(summary.rejectsByRule()) + warned(summary) + "; nothing was registered; report: "
                    + summary.reportDir() + "/";
        }
        return summary.countsLine() + "; report: " + summary.reportDir() + "/";
    }

    private static String warned(LoadSummary summary) {
        return summary.warned() == 0 ? "" : ", warned " + summary.warned()
                + LoadSummary.byRule(summary.warningsByRule());
    }

}
