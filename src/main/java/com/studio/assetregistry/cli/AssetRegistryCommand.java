package com.studio.assetregistry.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command, {@code asset-registry}: holds the global options and the subcommands. */
@Command(name = "asset-registry", mixinStandardHelpOptions = true, version = "asset-registry 0.1.0",
        description = "Validates and registers the studio's assets and their versions.",
        subcommands = {LoadCommand.class, ExportCommand.class, GenerateCommand.class, RulesCommand.class},
        footer = {"", "Examples:", "  asset-registry load data/asset_data.json",
                "  asset-registry --db /tmp/test.db export registry.json"})
public class AssetRegistryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "PATH",
            description = "SQLite file of the registry, or a JDBC URL (default: registry.db)")
    private String db;

    @Option(names = "--reports", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Base directory of run reports (default: reports)")
    private Path reports;

    @Option(names = "--rules", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Rules file to use instead of the one in the jar: value sets, name policy, reject budget, "
                    + "rule settings")
    private Path rules;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show the framework's logs, and a stack trace on failure")
    private boolean debug;

    /** The command line with its error handling: one line on stderr and exit code 1 for any failure. */
    public static CommandLine commandLine() {
        var commandLine = new CommandLine(new AssetRegistryCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            AssetRegistryCommand top = cmd.getCommandSpec().root().commandLine().getCommand();
            cmd.getErr().println("error: " + Failures.describe(e));
            if (top.debug) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Runs {@code action} against a registry started with the global options, and closes it. */
    <T> T withRegistry(Function<RegistryContext, T> action) {
        try (RegistryContext context = RegistryContext.start(new GlobalOptions(db, reports, debug, rules))) {
            return action.apply(context);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
