package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.cli.AssetRegistryCommand;
import com.studio.assetregistry.storage.LoadStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessResourceFailureException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run writes to the log, as the application's logging configuration prints it: a line when it starts and one
 * when it ends with its counts, and its run id on every line logged while it runs, in the console pattern and in
 * structured (ECS) logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoadRunLogTests extends RegistryIntegrationTest {

    private static final Path SAMPLE = Path.of("data/asset_data.json");
    private static final String ONE_RECORD = "[{\"asset\": {\"name\": \"a\", \"type\": \"prop\"}, \"department\": "
            + "\"fx\", \"version\": 1, \"status\": \"active\"}]";

    @TempDir
    Path dir;

    @Autowired
    private AssetLoader loader;
    @Autowired
    private LoadStore loadStore;
    @Autowired
    private Environment environment;

    /**
     * The command line's tests start applications of their own in this JVM, and each sets the log levels of the whole
     * JVM (the command line's are off): set them back to what this application's configuration says.
     */
    @BeforeEach
    void applyTheApplicationsLogLevels() {
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        Binder.get(environment).bind("logging.level", Bindable.mapOf(String.class, LogLevel.class)).orElse(Map.of())
                .forEach((name, level) -> system.setLogLevel(
                        name.equalsIgnoreCase(LoggingSystem.ROOT_LOGGER_NAME) ? null : name, level));
    }

    @Test
    void logsOneLineWhenARunStartsAndOneWithItsCountsWhenItEnds(CapturedOutput output) {
        LoadSummary summary = loader.load(SAMPLE);

        List<String> lines = linesOf(output, summary.runId());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" INFO ").endsWith("Load run " + summary.runId() + " started: " + SAMPLE);
        assertThat(lines.get(1)).contains(" INFO ").contains("Load run " + summary.runId() + " COMPLETED in ")
                .endsWith(" ms: read 20, registered 17, unchanged 0, rejected 3 (status.unknown 2, "
                        + "version.sequence 1); report: " + summary.reportDir() + "/");
        assertThat(MDC.get(LoadRunLog.RUN_ID)).as("the run id is gone once the run ended").isNull();
    }

    @Test
    void putsTheRunIdOnEveryLineLoggedDuringTheRunByAnyClass(CapturedOutput output) throws IOException {
        // given: a run that fails writing its report, so that another listener warns during the run
        Path file = file("blocked.json", ONE_RECORD);
        long run = loadStore.startRun("load", "probe", 0, Instant.now()) + 1;
        Path blocked = WORK_DIR.resolve("reports").resolve(Long.toString(run));
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "a file where the report directory should be");
        int from = output.getOut().length();

        // when
        try {
            assertThatThrownBy(() -> loader.load(file)).isInstanceOf(LoadException.class);
        } finally {
            Files.delete(blocked);
        }

        // then
        List<String> lines = output.getOut().substring(from).lines().toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line).contains("[run " + run + "]"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("FailedRunListener").contains(" WARN "));
        assertThat(lines.get(lines.size() - 1)).contains(" WARN ").contains("Load run " + run + " FAILED in ")
                .contains("; cause: Cannot write the report file");
        assertThat(lines).as("no ERROR, no stack trace: Spring Batch's step log is off").noneMatch(line ->
                line.contains(" ERROR ") || line.startsWith("\tat "));
    }

    @Test
    void aFailureOfABugsKeepsItsStackTraceAndOneOfAFileOrTheDatabaseDoesNot() {
        assertThat(LoadRunLog.unexpected(failedWith(new IllegalStateException("a bug")))).isPresent();
        assertThat(LoadRunLog.unexpected(failedWith(new DataAccessResourceFailureException("[SQLITE_FULL]"))))
                .isEmpty();
        assertThat(LoadRunLog.unexpected(failedWith(new UncheckedIOException(new IOException("No space left")))))
                .isEmpty();
        assertThat(LoadRunLog.unexpected(failedWith(new LoadException("the file changed", null, null)))).isEmpty();
    }

    private static JobExecution failedWith(Throwable cause) {
        var execution = new JobExecution(1, new JobInstance(1, "assetLoadJob"), new JobParameters());
        execution.addFailureException(new FatalStepExecutionException("Unable to process chunk", cause));
        return execution;
    }

    @Test
    void aFailedRunsCauseIsTheFailureSpringBatchWrapped() {
        // given: a chunk whose write failed, as the chunk-oriented step reports it
        var execution = new JobExecution(1, new JobInstance(1, "assetLoadJob"), new JobParameters());
        execution.addFailureException(new FatalStepExecutionException("Unable to process chunk",
                new DataAccessResourceFailureException("[SQLITE_FULL] database or disk is full\nsecond line")));

        // then
        assertThat(LoadRunLog.failure(execution)).isEqualTo("cause: [SQLITE_FULL] database or disk is full");
        assertThat(LoadRunLog.failure(new JobExecution(2, new JobInstance(2, "assetLoadJob"), new JobParameters())))
                .isEqualTo("the job ended without completing");
    }

    @Test
    void structuredLogsCarryTheRunIdAsAField() {
        // given: Boot's structured encoder, as logging.structured.format.console=ecs configures it, on the root logger
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var encoder = new StructuredLogEncoder();
        encoder.setFormat("ecs");
        encoder.setContext(context);
        encoder.start();
        var json = new ByteArrayOutputStream();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(json);
        appender.start();
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);

        // when
        LoadSummary summary;
        try {
            summary = loader.load(SAMPLE);
        } finally {
            root.detachAppender(appender);
            appender.stop();
        }

        // then
        JsonMapper mapper = JsonMapper.builder().build();
        List<JsonNode> lines = json.toString(StandardCharsets.UTF_8).lines().map(mapper::readTree).toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> {
            assertThat(line.at("/run/id").asString()).isEqualTo(Long.toString(summary.runId()));
            assertThat(line.at("/log/level").asString()).as(line.toString()).isEqualTo("INFO");
            assertThat(line.at("/service/name").asString()).isEqualTo("asset-registry");
        });
        assertThat(lines.get(1).get("message").asString()).startsWith("Load run " + summary.runId() + " COMPLETED");
    }

    @Test
    void theCommandLinePrintsItsSummaryLineAndNoLogLine(CapturedOutput output) {
        var out = new StringWriter();
        var commandLine = AssetRegistryCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(out, true));

        int exit = commandLine.execute("--db", dir.resolve("cli.db").toString(), "--reports",
                dir.resolve("reports").toString(), "load", SAMPLE.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("read 20, registered 17").hasLineCount(1);
        assertThat(output.getAll()).doesNotContain("Load run").doesNotContain(" INFO ");
    }

    /** The lines of the output that name the run. */
    private static List<String> linesOf(CapturedOutput output, long runId) {
        return output.getOut().lines().filter(line -> line.contains("Load run " + runId + " ")).toList();
    }
}
