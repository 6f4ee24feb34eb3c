package com.studio.assetregistry.cli;

import com.studio.assetregistry.RegistryIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Base of the tests that run commands through picocli, as a user would, with their output captured: the commands
 * use the test registry (a real SQLite file) of the application the integration tests share, so no command starts
 * a Spring context of its own. {@code CommandLineTests} covers the commands starting their own.
 */
abstract class CommandTest extends RegistryIntegrationTest {

    @Autowired
    private ConfigurableApplicationContext application;

    protected StringWriter out = new StringWriter();
    protected volatile StringWriter err = new StringWriter(); // read by a test's other threads as a command runs

    /** Runs the command line with these arguments, with fresh output, and returns the exit code. */
    protected int run(String... args) {
        return runWithInput("", args);
    }

    /** Runs the command line with these arguments and this text on its standard input; returns the exit code. */
    protected int runWithInput(String input, String... args) {
        out = new StringWriter();
        return runWritingTo(out, input, args);
    }

    /** Runs the command line with its standard output written to {@code standardOutput}; returns the exit code. */
    protected int runWritingTo(Writer standardOutput, String input, String... args) {
        err = new StringWriter();
        CommandLine commandLine = AssetRegistryCommand.commandLine(options -> RegistryContext.borrowing(application),
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        commandLine.setOut(new PrintWriter(standardOutput, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /**
     * Runs the command line writing to {@code output} as to the process's standard output, whose failures it checks;
     * returns the exit code.
     */
    protected int runWritingTo(StandardOutput output, String... args) {
        err = new StringWriter();
        CommandLine commandLine = AssetRegistryCommand.commandLine(options -> RegistryContext.borrowing(application),
                InputStream.nullInputStream(), output);
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the command printed on standard output. */
    protected String out() {
        return out.toString();
    }

    /** What the command printed on standard error. */
    protected String err() {
        return err.toString();
    }
}
