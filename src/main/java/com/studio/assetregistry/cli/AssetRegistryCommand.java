package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadProgress;
import com.studio.assetregistry.registry.AssetNotFoundException;
import com.studio.assetregistry.registry.AssetQueries;
import com.studio.assetregistry.registry.UnknownValueException;
import com.studio.assetregistry.report.ReportNotFoundException;
import com.studio.assetregistry.storage.RegistryLockWait;
import com.studio.assetregistry.validation.MessageText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The top command, {@code asset-registry}: holds the global options and the subcommands. */
@Command(name = "asset-registry", mixinStandardHelpOptions = true,
        versionProvider = AssetRegistryCommand.Version.class,
        description = "Validates and registers the studio's assets and their versions.",
        subcommands = {LoadCommand.class, AddCommand.class, GetCommand.class, ListCommand.class,
                VersionsCommand.class, ReportCommand.class, RunsCommand.class, ExportCommand.class,
                GenerateCommand.class, RulesCommand.class, ServeCommand.class, AutoComplete.GenerateCompletion.class},
        footer = {"",
                "Exit codes: 0 success, 1 failure, 2 usage error, 3 not found, 4 a load over its reject budget.",
                "",
                "Examples:",
                "  asset-registry load data/asset_data.json",
                "  asset-registry get hero character",
                "  asset-registry --db /tmp/test.db export registry.json",
                "  asset-registry --rules studio-rules.yml rules",
                "  asset-registry serve --port 8080",
                "  source <(asset-registry generate-completion)   # completion in bash or zsh"})
public class AssetRegistryCommand implements Callable<Integer> {

    /** The exit code of a query that found nothing: an unknown asset, version or report. */
    static final int NOT_FOUND = 3;
    /** The application's setting of the reports' base directory, which {@code --reports} overrides. */
    static final String REPORTS_DIR_PROPERTY = "registry.load.reports-dir";

    /** How a file argument names standard input. */
    static final String STANDARD_INPUT_ARGUMENT = "-";
    /** What messages call standard input. */
    static final String STANDARD_INPUT = "standard input";

    /** The exit code of a command whose standard output the reader closed: 128 + SIGPIPE, as a shell reports it. */
    static final int PIPE_CLOSED = 141;

    private final Registries registries;
    /** The progress a load shows, while it shows it. */
    private volatile ProgressDisplay display;
    private final InputStream in;
    /** The process's standard output, when the command line writes to it; null when a test gives a writer. */
    private StandardOutput standardOutput;

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

    AssetRegistryCommand(Registries registries, InputStream in) {
        this.registries = registries;
        this.in = in;
    }

    /** The command line with its error handling: one line on stderr and exit code 1 for any failure. */
    public static CommandLine commandLine() {
        return commandLine(Registries.started(), System.in, StandardOutput.ofProcess());
    }

    /** The command line writing to {@code output}, whose failures it reports as it does the process's own. */
    static CommandLine commandLine(Registries registries, InputStream in, StandardOutput output) {
        CommandLine commandLine = commandLine(registries, in);
        commandLine.setOut(output.writer());
        ((AssetRegistryCommand) commandLine.getCommand()).standardOutput = output;
        return commandLine;
    }

    /** The command line, getting its registry from {@code registries}: tests hand it one they share. */
    static CommandLine commandLine(Registries registries) {
        return commandLine(registries, System.in);
    }

    /** The command line, getting its registry from {@code registries} and its standard input from {@code in}. */
    static CommandLine commandLine(Registries registries, InputStream in) {
        var commandLine = new CommandLine(new AssetRegistryCommand(registries, in));
        commandLine.registerConverter(Path.class, AssetRegistryCommand::path);
        commandLine.setParameterExceptionHandler(AssetRegistryCommand::usageError);
        commandLine.setExecutionStrategy(parseResult -> outputWritten(commandLine,
                new CommandLine.RunLast().execute(parseResult)));
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof OutputLostException) { // the strategy's outputWritten is not reached by a failure
                return outputWritten(cmd.getCommandSpec().root().commandLine(), 1);
            }
            if (e instanceof UnknownValueException unknown) { // a filter value that is most likely mistyped
                return usageError(new ParameterException(cmd, unknown.getMessage()), parseResult.originalArgs()
                        .toArray(String[]::new));
            }
            AssetRegistryCommand top = cmd.getCommandSpec().root().commandLine().getCommand();
            cmd.getErr().println("error: " + MessageText.printable(Failures.describe(e,
                    RegistryContext.databaseFile(top.db))));
            if (top.debug) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return e instanceof AssetNotFoundException || e instanceof ReportNotFoundException ? NOT_FOUND : 1;
        });
        return commandLine;
    }

    /**
     * The exit code of a command that completed, unless its standard output could not be written: then 1, with an
     * error line, since what a script reads from it is incomplete (a full disk); or 141, quietly, when the reader
     * closed the pipe, as a shell reports a tool that SIGPIPE ended (Java ignores the signal).
     */
    private static int outputWritten(CommandLine commandLine, int exit) {
        if (!commandLine.getOut().checkError()) {
            return exit;
        }
        StandardOutput output = ((AssetRegistryCommand) commandLine.getCommand()).standardOutput;
        if (output != null && output.closedByReader()) {
            return PIPE_CLOSED; // as `seq 1000000 | head -1` ends: quietly; the reader has what it wanted
        }
        String reason = output == null || output.reason() == null ? "a full disk? a closed file?" : output.reason();
        commandLine.getErr().println("error: Cannot write standard output (" + reason + "): what the command printed"
                + " is incomplete");
        commandLine.getErr().flush();
        return exit == 0 ? 1 : exit;
    }

    /**
     * A path from the command line. Java decodes the arguments, and file names, in the locale's character set: under
     * a C or POSIX locale (cron's, a bare container's), which is ASCII, a name such as {@code héros.json} cannot be
     * represented at all, and the path is refused for what it is, with the remedy.
     */
    static Path path(String argument) {
        try {
            return Path.of(argument);
        } catch (InvalidPathException e) {
            if (!e.getReason().contains("unmappable")) { // a NUL character, say
                throw new TypeConversionException("'" + argument + "' is not a path: " + e.getReason());
            }
            throw new TypeConversionException("'" + argument + "' holds characters that the locale's character set ("
                    + System.getProperty("sun.jnu.encoding") + ") cannot represent; run it in a UTF-8 locale, for "
                    + "example with LC_ALL=C.UTF-8 (bin/asset-registry does so under a C or POSIX locale)");
        }
    }

    /**
     * A usage error is one line, like any error: what was wrong, a suggestion for a mistyped command or option, and
     * where the usage is; not the whole usage message.
     */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        // load --forc: the mistyped option is the error, not the file it left missing, which picocli says first
        ParameterException error = e instanceof MissingParameterException && cmd.getUnmatchedArguments().stream()
                .anyMatch(argument -> argument.startsWith("-"))
                ? new UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments()) : e;
        String message = error.getMessage();
        if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + unmatched.getSuggestions().stream().limit(3)
                    .map(suggestion -> "'" + suggestion + "'").collect(Collectors.joining(" or ")) + "?)";
        } else if (error instanceof UnmatchedArgumentException unmatched && unmatched.getUnmatched().stream()
                .anyMatch(argument -> argument.startsWith("-") && argument.matches(".*[./].*"))) { // a file's name
            message += "; a file whose name begins with - is given as ./NAME, or after --";
        }
        cmd.getErr().println("error: " + MessageText.printable(message) + "; see: "
                + cmd.getCommandSpec().qualifiedName() + " --help");
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public Integer call() { // a usage error is one line, here as anywhere: it names the commands there are
        throw new ParameterException(spec.commandLine(), "Give a command: " + String.join(", ",
                spec.commandLine().getSubcommands().keySet()));
    }

    /** Runs {@code action} against a registry started with the global options, and closes it. */
    <T> T withRegistry(Function<RegistryContext, T> action) {
        try (RegistryContext context = registries.open(options())) {
            context.onLockWait(this::noteLockWait);
            return action.apply(context);
        }
    }

    /** Runs {@code action} against a registry that must exist already, started with the global options. */
    <T> T withExistingRegistry(Function<RegistryContext, T> action) {
        try (RegistryContext context = registries.openExisting(options())) {
            context.onLockWait(this::noteLockWait);
            return action.apply(context);
        }
    }

    /** One line on standard error while a command waits for the registry's lock: not half a minute of silence. */
    private void noteLockWait(RegistryLockWait wait) {
        Path file = RegistryContext.databaseFile(db);
        note("note: " + (file == null ? "the registry" : MessageText.printable(file.toString()))
                + " is locked by another writer (another load, an add, a sqlite3 shell, a backup); waiting up to "
                + HumanFormat.duration(wait.more().toMillis()) + " more for it");
    }

    /** Shows {@code display}'s progress until it closes: a line printed meanwhile ends the line its bar is on. */
    ProgressDisplay showing(ProgressDisplay display) {
        this.display = display;
        return new ProgressDisplay() {
            @Override
            public void progressed(LoadProgress progress) {
                display.progressed(progress);
            }

            @Override
            public boolean drawing() {
                return display.drawing();
            }

            @Override
            public void silence() {
                display.silence();
            }

            @Override
            public void close() {
                AssetRegistryCommand.this.display = null;
                display.close();
            }
        };
    }

    /** A line on standard error beside the command's progress: on a line of its own, whatever the bar draws. */
    void note(String line) {
        ProgressDisplay shown = display;
        err().println((shown != null && shown.drawing() ? "\n" : "") + line);
        err().flush();
    }

    /**
     * The command's last line, as the process ends (stopped by a signal): a bar still drawn is silenced first, so that
     * its thread does not draw it again below the line.
     */
    void lastNote(String line) {
        ProgressDisplay shown = display;
        if (shown != null) {
            shown.silence();
        }
        note(line);
    }

    /** Runs {@code action} against the application started without its registry (no database opened); closes it. */
    <T> T withoutRegistry(Function<RegistryContext, T> action) {
        try (RegistryContext context = registries.openWithoutRegistry(options())) {
            return action.apply(context);
        }
    }

    /** Runs {@code action} against the queries of a registry opened for reading, and closes it. */
    <T> T withQueries(Function<AssetQueries, T> action) {
        try (RegistryContext context = registries.openForReading(options())) {
            return action.apply(context.queries());
        }
    }

    /**
     * The registry as a web server, started with the global options and {@code web}'s properties; the command closes
     * it. Tests do not share theirs: the server is started as a user starts it.
     */
    RegistryContext server(java.util.Map<String, String> web) {
        return RegistryContext.startServer(options(), web);
    }

    private GlobalOptions options() {
        return new GlobalOptions(db, requireNamed(reports), debug, rules);
    }

    /**
     * Refuses {@code --reports ''}, and without {@code --reports} a {@code registry.load.reports-dir} set to nothing
     * ({@code REGISTRY_LOAD_REPORTSDIR=}): a load would take either for the default directory, and {@code report}
     * would look in none.
     */
    private static Path requireNamed(Path reports) {
        if (reports != null && reports.toString().isBlank()) {
            throw new RegistryUnavailableException("--reports is empty; name a directory, or leave --reports out for"
                    + " the default directory, reports", null);
        }
        if (reports == null && reportsDirSet() && Binder.get(new StandardEnvironment())
                .bind(REPORTS_DIR_PROPERTY, String.class).map(String::isBlank).orElse(false)) {
            throw new RegistryUnavailableException(REPORTS_DIR_PROPERTY + " (REGISTRY_LOAD_REPORTSDIR) is empty; name"
                    + " a directory, or leave it unset for the default directory, reports", null);
        }
        return reports;
    }

    /**
     * The base directory of run reports: {@code --reports}, or else {@code registry.load.reports-dir} from the
     * environment ({@code REGISTRY_LOAD_REPORTSDIR}, as a container sets it) or a system property, as a load would
     * take it; {@code reports} by default. For the commands that read reports without starting the application.
     */
    Path reportsDir() {
        if (requireNamed(reports) != null) {
            return reports;
        }
        return Binder.get(new StandardEnvironment()).bind(REPORTS_DIR_PROPERTY, Path.class).orElse(Path.of("reports"));
    }

    /**
     * Whether the environment or a system property may set {@code registry.load.reports-dir}: asked first, as the
     * binder that reads it takes a query's start tens of milliseconds more.
     */
    private static boolean reportsDirSet() {
        return System.getenv("REGISTRY_LOAD_REPORTSDIR") != null || System.getProperties().stringPropertyNames()
                .stream().anyMatch(name -> name.startsWith("registry.load"));
    }

    /** Whether a file argument is {@code -}, standard input. */
    static boolean isStandardInput(Path file) {
        return file.toString().equals(STANDARD_INPUT_ARGUMENT);
    }

    /** The command's standard input. */
    InputStream in() {
        return in;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Stops a command that streams its answer once its standard output can no longer be written (its reader closed
     * the pipe, its disk is full): what it would print next is lost, and a registry of millions of assets is not
     * read for nothing. The exit code and the error line are then {@link #outputWritten}'s.
     */
    void requireOutput() {
        if (standardOutput != null && standardOutput.failed()) {
            throw new OutputLostException();
        }
    }

    /** Standard output for a command that streams much text: a write stops the command once output is lost. */
    Writer streamingOut() {
        return new FilterWriter(out()) {
            @Override
            public void write(int c) throws IOException {
                requireOutput();
                super.write(c);
            }

            @Override
            public void write(char[] chars, int offset, int length) throws IOException {
                requireOutput();
                super.write(chars, offset, length);
            }

            @Override
            public void write(String text, int offset, int length) throws IOException {
                requireOutput();
                super.write(text, offset, length);
            }

            @Override
            public void close() {
                // standard output stays open: the command line flushes it, and checks it, when the command ends
            }
        };
    }

    /** Thrown by {@link #requireOutput()}: unwinds the command, which has nothing more to say. */
    static final class OutputLostException extends RuntimeException {

        OutputLostException() {
            super("standard output can no longer be written", null, false, false);
        }
    }

    /** Prints a one-line error on standard error. */
    void error(String message) {
        err().println("error: " + MessageText.printable(message));
        err().flush();
    }

    /** The version of the jar, from its manifest. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = AssetRegistryCommand.class.getPackage().getImplementationVersion();
            return new String[] {"asset-registry " + (version == null ? "(development build)" : version),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
