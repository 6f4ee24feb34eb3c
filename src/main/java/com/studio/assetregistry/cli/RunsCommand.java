package com.studio.assetregistry.cli;

import com.studio.assetregistry.registry.RunInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code runs}: the most recent runs, loads and adds alike, the latest first. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"Lists the most recent runs, the latest first.",
                "Runs are loads, and adds made with the command line or the Java API.",
                "A load's report: asset-registry report RUN."},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
                "", "Examples:", "  asset-registry runs", "  asset-registry runs --limit 100 --json"})
class RunsCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Spec
    private CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "How many runs (default: ${DEFAULT-VALUE})")
    private int limit;

    @Mixin
    private JsonOption output;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more, got " + limit);
        }
        List<RunInfo> runs = top.withQueries(queries -> queries.listRuns(limit));
        if (output.json) {
            JsonOutput.print(top.out(), runs);
            return 0;
        }
        Table table = Table.of(top.out(), ">RUN", "KIND", "SOURCE", "STARTED", ">DURATION", "STATUS", ">READ",
                ">REGISTERED", ">UNCHANGED", ">REJECTED");
        for (RunInfo run : runs) {
            table.row(run.id(), run.kind(), run.source(), HumanFormat.time(run.startedAt()),
                    HumanFormat.duration(run.durationMillis()), run.status(), run.counts().read(),
                    run.counts().registered(), run.counts().unchanged(), run.counts().rejected());
        }
        table.end();
        if (runs.isEmpty()) {
            top.out().println("no run yet");
        }
        return 0;
    }
}
