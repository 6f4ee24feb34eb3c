package com.studio.assetregistry.cli;

import com.studio.assetregistry.report.RejectReportReader;
import com.studio.assetregistry.report.ReportNotFoundException;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.report.ReportedReject;
import com.studio.assetregistry.report.RunReport;
import com.studio.assetregistry.validation.MessageText;
import com.studio.assetregistry.validation.RuleCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report [RUN]}: a run's rejection report, read from its files alone, so it needs no registry and starts no
 * Spring context, and a report copied elsewhere reads the same with {@code --dir}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Shows a run's rejection report, from its files (summary.json, rejects.jsonl).",
                "Counts per rule, each rule's share of the rejects and what it means, and each rule's first rejects "
                        + "with their record number, line and column. It reads no registry: a report copied elsewhere "
                        + "reads the same with --dir."},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error, 3 no such report.",
                "", "Examples:", "  asset-registry report", "  asset-registry report 12 --rule version.sequence",
                "  asset-registry report --dir /mnt/copied/reports/12 --json"})
class ReportCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN",
            description = "The run id (default: the latest run under --reports)")
    private Long run;

    @Option(names = "--dir", paramLabel = "PATH", description = "Read the report in this directory instead")
    private Path dir;

    @Option(names = "--rule", paramLabel = "ID", description = "List every reject of this rule")
    private String rule;

    @Option(names = "--first", paramLabel = "N", defaultValue = "5",
            description = {"How many rejects of each rule the summary shows (default: ${DEFAULT-VALUE}); with --rule, "
                            + "how many of its rejects to list (default: every one)"})
    private int first;

    @Mixin
    private JsonOption output;

    /** Why a run's directory holds no report: said of a run by its id. */
    private static final String NOT_YET = "has no report yet: a run writes it when it ends, or when a load of the"
            + " same file resumes it if it was stopped or killed; asset-registry runs shows which";

    /** Made when the command runs: picocli creates every command to parse a line, and a JSON mapper is not free. */
    private RejectReportReader reader;

    @Override
    public Integer call() {
        reader = new RejectReportReader();
        if (run != null && dir != null) {
            throw new ParameterException(spec.commandLine(), "Give a RUN or --dir PATH, not both");
        }
        if (rule != null && rule.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--rule needs a rule id, such as status.unknown");
        }
        if (rule != null && !RuleCatalogue.isRuleId(rule)) { // no run counts it, under any rules: a mistake
            throw new ParameterException(spec.commandLine(), "--rule " + MessageText.quoted(rule) + " is not a"
                    + " rule id, which is lower-case words joined by dots, such as status.unknown (asset-registry"
                    + " rules lists them)");
        }
        if (first < 0) {
            throw new ParameterException(spec.commandLine(), "--first must be 0 or more, got " + first);
        }
        Path reportDir = reportDir();
        if (rule != null) {
            return listRule(reportDir);
        }
        RunReport report = reader.read(reportDir, first);
        if (output.json) {
            JsonOutput.print(top.out(), report);
        } else {
            printReport(report);
        }
        return 0;
    }

    private Path reportDir() {
        if (dir != null) {
            return dir;
        }
        Path reports = top.reportsDir();
        if (run == null) {
            Path latest = reader.latest(reports).orElseThrow(() -> new ReportNotFoundException("No report in "
                    + reports + ": no load has written one there" + reader.latestRunDir(reports)
                            .map(dir -> " yet (run " + dir.getFileName() + " " + NOT_YET + ")")
                            .orElse("; give the reports' directory with --reports DIR")));
            reader.latestRunDir(reports).filter(newest -> !newest.equals(latest)).ifPresent(newest -> {
                top.err().println("note: run " + newest.getFileName() + " " + NOT_YET + "; this is the report of run "
                        + latest.getFileName());
                top.err().flush();
            });
            return latest;
        }
        Path runDir = reports.resolve(Long.toString(run));
        if (!Files.isDirectory(runDir)) {
            throw new ReportNotFoundException("No report of run " + run + " in " + reports
                    + "; the recent runs: asset-registry runs");
        }
        if (!RejectReportReader.holdsReport(runDir)) {
            throw new ReportNotFoundException("Run " + run + " " + NOT_YET);
        }
        return runDir;
    }

    private void printReport(RunReport report) {
        var out = top.out();
        out.println(runLine(report.summary()));
        var counts = report.summary().counts();
        boolean dryRun = report.summary().dryRun();
        out.println("read " + counts.read() + (dryRun ? ", would register " : ", registered ") + counts.registered()
                + ", unchanged " + counts.unchanged() + ", rejected " + counts.rejected()
                + (counts.warned() == 0 ? "" : ", warned " + counts.warned()));
        if (report.rules().isEmpty()) {
            printWarnings(report);
            out.flush();
            return;
        }
        out.println();
        Table rules = Table.of(out, "RULE", ">REJECTS", ">SHARE", "DESCRIPTION");
        report.rules().forEach(r -> rules.row(r.id(), r.rejects(), percent(r.share()),
                r.description() == null ? "-" : r.description()));
        rules.end();
        for (RunReport.RuleReport rule : report.rules()) {
            if (rule.firstRejects().isEmpty()) {
                continue;
            }
            out.println();
            out.println(MessageText.printable(rule.id()) + ": " + (rule.firstRejects().size() == rule.rejects() ? ""
                    : "first " + rule.firstRejects().size() + " of ") + HumanFormat.count(rule.rejects(), "reject"));
            Table rejects = rejectTable("  ");
            rule.firstRejects().forEach(reject -> row(rejects, reject, rule.id()));
            rejects.end();
        }
        if (report.rules().stream().anyMatch(r -> r.firstRejects().size() < r.rejects())) {
            out.println();
            out.println("Every reject of a rule: asset-registry report " + reportArgument(report) + " --rule "
                    + HumanFormat.shellWord(report.rules().get(0).id()));
        }
        printWarnings(report);
        out.flush();
    }

    /** The rules that warned, with their counts, and how to list their records. */
    private void printWarnings(RunReport report) {
        Map<String, Long> warnings = report.summary().warningsByRule();
        if (warnings.isEmpty()) {
            return;
        }
        var out = top.out();
        out.println();
        out.println("Warnings (registered all the same): " + warnings.entrySet().stream()
                .map(e -> MessageText.printable(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.println("Every warning of a rule: asset-registry report " + reportArgument(report) + " --rule "
                + HumanFormat.shellWord(warnings.keySet().iterator().next()));
    }

    private String reportArgument(RunReport report) {
        return dir != null ? "--dir " + HumanFormat.shellWord(dir.toString()) : Long.toString(report.summary().run());
    }

    /**
     * Every record that broke the rule: its rejects, from {@code rejects.jsonl}, or, for a rule whose severity was
     * {@code warning} in the run, its warnings, from {@code warnings.jsonl}; with {@code --first N}, the first N.
     */
    private int listRule(Path reportDir) {
        ReportSummary summary = reader.readSummary(reportDir);
        boolean warning = !summary.rejectsByRule().containsKey(rule) && summary.warningsByRule().containsKey(rule);
        long count = (warning ? summary.warningsByRule() : summary.rejectsByRule()).getOrDefault(rule, 0L);
        long listed = spec.commandLine().getParseResult().hasMatchedOption("--first") ? Math.min(first, count) : count;
        BiConsumer<Path, Consumer<ReportedReject>> source = warning ? reader::forEachWarning : reader::forEachReject;
        Consumer<Consumer<ReportedReject>> ofRule = action -> {
            long[] seen = {0};
            source.accept(reportDir, reject -> {
                if (reject.broken(rule).isPresent() && seen[0]++ < listed) {
                    action.accept(reject);
                }
            });
        };
        if (output.json) {
            JsonOutput.Array array = JsonOutput.array(top.out());
            ofRule.accept(array::add);
            array.end();
            return 0;
        }
        top.out().println(runLine(summary));
        if (count == 0) {
            Set<String> counted = new LinkedHashSet<>(summary.rejectsByRule().keySet());
            counted.addAll(summary.warningsByRule().keySet());
            top.out().println("no record broke " + MessageText.printable(rule) + (counted.isEmpty() ? ""
                    : "; the rules it counts: " + MessageText.printable(String.join(", ", counted))));
            top.out().flush();
            return 0;
        }
        String description = summary.ruleDescriptions().get(rule);
        top.out().println(MessageText.printable(rule) + ": " + (listed == count || listed == 0 ? ""
                : "first " + listed + " of ") + HumanFormat.count(count, warning ? "warning" : "reject")
                + (description == null ? "" : " (" + MessageText.printable(description) + ")"));
        if (listed == 0) { // --first 0: the count alone
            top.out().flush();
            return 0;
        }
        Table rejects = rejectTable("");
        ofRule.accept(reject -> row(rejects, reject, rule));
        rejects.end();
        return 0;
    }

    private static String runLine(ReportSummary summary) {
        String kind = summary.dryRun() ? "dry run " : "run ";
        return kind + summary.run() + ": " + MessageText.printable(summary.file().path()) + ", "
                + MessageText.printable(summary.status())
                + ", started " + HumanFormat.time(summary.startedAt()) + ", took "
                + HumanFormat.duration(summary.durationMillis());
    }

    private Table rejectTable(String indent) {
        return Table.indented(top.out(), indent, ">RECORD", ">LINE", ">COLUMN", "FIELD", "MESSAGE");
    }

    private static void row(Table table, ReportedReject reject, String rule) {
        reject.broken(rule).ifPresent(broken -> table.row(reject.recordNumber(), reject.line(), reject.column(),
                broken.field(), broken.message()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
