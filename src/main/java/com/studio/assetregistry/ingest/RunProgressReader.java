package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a load's progress from what its job already persists at every chunk commit: its step executions and the
 * reader's saved byte offset and record count in the reading step's execution context. It reads the JobRepository's
 * tables with plain queries, outside any transaction, so that it never waits for the load's write lock (the
 * JobRepository's own methods each open one); and it changes nothing, so it sees a load run by any process on the
 * same database. Thread-safe.
 */
@Component
public class RunProgressReader {

    private static final String READ_STEP = LoadJobConfiguration.STAGE_STEP;
    private static final String OFFSET_KEY = "reader.offset";

    /** The steps of the run's latest job execution, the latest first, each with its context when it has one. */
    private static final String STEPS = """
            SELECT s.STEP_NAME, s.STATUS, s.READ_COUNT, c.SHORT_CONTEXT, c.SERIALIZED_CONTEXT
            FROM BATCH_JOB_EXECUTION_PARAMS p
            JOIN BATCH_JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID
            JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID
            JOIN BATCH_STEP_EXECUTION s ON s.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
            LEFT JOIN BATCH_STEP_EXECUTION_CONTEXT c ON c.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID
            WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?
            ORDER BY e.JOB_EXECUTION_ID DESC, s.STEP_EXECUTION_ID DESC""";

    private final JdbcTemplate jdbc;
    private final DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();

    RunProgressReader(JdbcTemplate jdbc) {
        this.jdbc = Objects.requireNonNull(jdbc, "The JdbcTemplate must not be null.");
    }

    /** A step execution as its tables keep it. */
    private record Step(String name, String status, long readCount, String context) {
    }

    /** The progress of a load run or a dry run, or empty if it is neither. */
    public Optional<RunProgress> progress(LoadRun run) {
        if (!LoadRun.LOAD.equals(run.kind()) && !run.dryRun()) {
            return Optional.empty();
        }
        List<Step> steps = jdbc.query(STEPS, (rs, n) -> new Step(rs.getString("STEP_NAME"), rs.getString("STATUS"),
                rs.getLong("READ_COUNT"), rs.getString("SERIALIZED_CONTEXT") != null
                        ? rs.getString("SERIALIZED_CONTEXT") : rs.getString("SHORT_CONTEXT")),
                LoadJobConfiguration.JOB_NAME, LoadJobConfiguration.RUN_PARAMETER, Long.toString(run.id()));
        Step read = steps.stream().filter(step -> step.name().equals(READ_STEP)).findFirst().orElse(null);
        long bytes = 0;
        long records = 0;
        if (read != null) {
            Map<String, Object> context = context(read.context());
            bytes = number(context.get(OFFSET_KEY), 0);
            records = number(context.get(JsonFileReader.RECORDS_KEY), read.readCount());
        }
        return Optional.of(RunProgress.of(phase(run, steps), bytes, run.fileSize(), records));
    }

    private static String phase(LoadRun run, List<Step> steps) {
        if (run.status() == RunStatus.COMPLETED) {
            return "finished";
        }
        if (run.status() != RunStatus.RUNNING || RunOwner.ended(run)) { // failed, abandoned or interrupted
            return "stopped";
        }
        if (steps.isEmpty()) {
            return "starting";
        }
        return switch (steps.get(0).name()) { // the latest step of the latest execution
            case LoadJobConfiguration.RESOLVE_STEP -> "resolving";
            case LoadJobConfiguration.REPORT_STEP -> "reporting";
            default -> "reading";
        };
    }

    /** The saved context, or an empty one if there is none or it cannot be read (a newer format, say). */
    private Map<String, Object> context(String serialized) {
        if (serialized == null || serialized.isEmpty()) {
            return Map.of();
        }
        try {
            return serializer.deserialize(new java.io.ByteArrayInputStream(
                    serialized.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number number ? number.longValue() : otherwise;
    }
}
