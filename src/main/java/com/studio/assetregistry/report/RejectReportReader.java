package com.studio.assetregistry.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a run's report directory, as {@link RejectReportWriter} wrote it, from its files alone: a report copied to
 * another machine reads the same, with no registry. {@code rejects.jsonl} is streamed, one line at a time, whatever
 * its size. Needs no Spring context. Thread-safe.
 */
public class RejectReportReader {

    private static final TypeReference<List<ReportedReject.BrokenRule>> BROKEN_RULES = new TypeReference<>() {
    };

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // a newer writer may add properties
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES) // an older one wrote fewer: 0
            .build();

    /**
     * The report directory of the latest run under {@code reportsDir}: the one with the highest run id that holds a
     * summary.
     */
    public Optional<Path> latest(Path reportsDir) {
        return latestRunDir(reportsDir, true);
    }

    /**
     * The directory of the latest run under {@code reportsDir}, whether or not it holds a report yet: a run makes its
     * directory as it starts, and writes its report there when it ends.
     */
    public Optional<Path> latestRunDir(Path reportsDir) {
        return latestRunDir(reportsDir, false);
    }

    /** Whether {@code dir} holds a report: the summary, which a run writes after its other files. */
    public static boolean holdsReport(Path dir) {
        return Files.isRegularFile(dir.resolve(RejectReportWriter.SUMMARY_FILE));
    }

    private Optional<Path> latestRunDir(Path reportsDir, boolean reported) {
        if (!Files.isDirectory(reportsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(reportsDir)) {
            return dirs.filter(dir -> dir.getFileName().toString().matches("\\d{1,18}") && Files.isDirectory(dir))
                    .filter(dir -> !reported || holdsReport(dir))
                    .max((a, b) -> Long.compare(runId(a), runId(b)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the reports in " + reportsDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run's {@code summary.json}.
     *
     * @throws ReportNotFoundException if {@code dir} holds no summary
     */
    public ReportSummary readSummary(Path dir) {
        Path file = dir.resolve(RejectReportWriter.SUMMARY_FILE);
        if (!holdsReport(dir)) {
            throw new ReportNotFoundException("No report in " + dir + ": " + (Files.isDirectory(dir)
                    ? "it has no " + RejectReportWriter.SUMMARY_FILE
                    : Files.exists(dir) ? "it is not a directory" : "no such directory"));
        }
        ReportSummary summary;
        try {
            summary = mapper.readValue(file.toFile(), ReportSummary.class);
        } catch (InputCoercionException e) { // a number too large for its property: JSON, but not a summary's
            throw new UncheckedIOException("Cannot read " + file + ": " + notTheShape(e, "", "a report's summary"),
                    new IOException(e));
        } catch (StreamReadException e) { // not JSON: cut short, or edited by hand
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new UncheckedIOException("Cannot read " + file + ": it is not valid JSON" + where + " (cut short,"
                    + " or edited by hand?)", new IOException(e));
        } catch (JacksonException e) { // JSON, but not a summary's: a value of another type, say
            throw new UncheckedIOException("Cannot read " + file + ": " + notTheShape(e, "", "a report's summary"),
                    new IOException(e));
        }
        String missing = summary == null ? "everything" : summary.file() == null ? "file" : summary.counts() == null
                ? "counts" : summary.status() == null ? "status" : summary.startedAt() == null ? "startedAt" : null;
        if (missing != null) {
            throw new UncheckedIOException("Cannot read " + file + ": it lacks " + missing + ", which every report's"
                    + " summary has (edited by hand?)", new IOException("incomplete summary"));
        }
        ReportSummary.Counts counts = summary.counts();
        if (counts.read() < 0 || counts.registered() < 0 || counts.unchanged() < 0 || counts.rejected() < 0
                || counts.warned() < 0) {
            throw new UncheckedIOException("Cannot read " + file + ": its counts are not all 0 or more (edited by"
                    + " hand?)", new IOException("negative count"));
        }
        return summary;
    }

    /**
     * Hands every line of the run's {@code rejects.jsonl} to {@code action}, in record order.
     *
     * @throws ReportNotFoundException if {@code dir} holds no rejects file
     */
    public void forEachReject(Path dir, Consumer<ReportedReject> action) {
        forEachLine(dir, RejectReportWriter.REJECTS_FILE, action);
    }

    /**
     * Hands every line of the run's {@code warnings.jsonl} to {@code action}, in record order: the records that broke
     * a rule whose severity is {@code warning}, in the shape of a reject.
     *
     * @throws ReportNotFoundException if {@code dir} holds no warnings file
     */
    public void forEachWarning(Path dir, Consumer<ReportedReject> action) {
        forEachLine(dir, RejectReportWriter.WARNINGS_FILE, action);
    }

    private void forEachLine(Path dir, String name, Consumer<ReportedReject> action) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new ReportNotFoundException("No report in " + dir + ": it has no " + name);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    action.accept(parse(file, number, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The run's report at a glance: its summary, and per rule the count, the share of rejects, the description and
     * the first {@code firstPerRule} records that broke it. Reads {@code rejects.jsonl} once, keeping only those.
     */
    public RunReport read(Path dir, int firstPerRule) {
        ReportSummary summary = readSummary(dir);
        Map<String, List<ReportedReject>> first = new LinkedHashMap<>();
        summary.rejectsByRule().keySet().forEach(rule -> first.put(rule, new ArrayList<>(firstPerRule)));
        if (!summary.rejectsByRule().isEmpty()) {
            forEachReject(dir, reject -> reject.rules().forEach(rule -> {
                List<ReportedReject> kept = first.computeIfAbsent(rule.id(), id -> new ArrayList<>());
                if (kept.size() < firstPerRule) {
                    kept.add(reject);
                }
            }));
        }
        long rejected = summary.counts().rejected();
        List<RunReport.RuleReport> rules = new ArrayList<>();
        summary.rejectsByRule().forEach((rule, count) -> rules.add(new RunReport.RuleReport(rule, count,
                rejected == 0 ? 0 : Math.round(count * 10_000.0 / rejected) / 10_000.0,
                summary.ruleDescriptions().get(rule), first.get(rule))));
        return new RunReport(summary, rules);
    }

    /**
     * One line, in one pass: the record is taken as the text the line holds, from its first character to its last,
     * not parsed into a tree that would write its numbers differently. A newer writer's other properties are skipped.
     */
    private ReportedReject parse(Path file, long number, String line) {
        String property = ""; // the one being read, which a value of the wrong type is named by
        try (JsonParser parser = mapper.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UncheckedIOException("Cannot read line " + number + " of " + file + ": it is not a JSON"
                        + " object", new IOException("not an object"));
            }
            long recordNumber = 0;
            long lineNumber = 0;
            long column = 0;
            List<ReportedReject.BrokenRule> rules = List.of();
            String record = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                property = name;
                parser.nextToken();
                switch (name) {
                    case "recordNumber" -> recordNumber = parser.getValueAsLong();
                    case "line" -> lineNumber = parser.getValueAsLong();
                    case "column" -> column = parser.getValueAsLong();
                    case "rules" -> rules = parser.readValueAs(BROKEN_RULES);
                    case "record" -> record = text(parser, line);
                    default -> parser.skipChildren();
                }
            }
            return new ReportedReject(recordNumber, lineNumber, column, rules, record);
        } catch (InputCoercionException e) { // a number too large for its property: JSON, but not a reject's
            throw new UncheckedIOException("Cannot read line " + number + " of " + file + ": "
                    + notTheShape(e, property, "a reject's line"), new IOException(e));
        } catch (StreamReadException e) { // not JSON: cut short, or edited by hand
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new UncheckedIOException("Cannot read line " + number + " of " + file + ": it is not valid JSON"
                    + where + " (cut short, or edited by hand?)", new IOException(e));
        } catch (JacksonException e) {
            throw new UncheckedIOException("Cannot read line " + number + " of " + file + ": "
                    + notTheShape(e, property, "a reject's line"), new IOException(e));
        }
    }

    /**
     * Why JSON could not be read as {@code what}: the property that does not hold what it holds in every report, by
     * its path ({@code counts.read}; {@code property} when Jackson's is empty), rather than Jackson's account of the
     * Java types.
     */
    private static String notTheShape(JacksonException failure, String property, String what) {
        String path;
        if (failure instanceof InputCoercionException coercion && coercion.processor() != null) {
            path = Stream.of(coercion.processor().streamReadContext().pathAsPointer().toString().split("/"))
                    .filter(step -> !step.isEmpty())
                    .map(step -> step.chars().allMatch(Character::isDigit) ? "[" + step + "]" : step)
                    .collect(Collectors.joining("."));
        } else { // Jackson's path starts where the value was read: inside the property for a line's rules
            path = failure.getPath().stream()
                    .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                    .collect(Collectors.joining("."));
            path = property.isEmpty() || path.startsWith(property) ? path
                    : path.isEmpty() ? property : property + "." + path;
        }
        path = path.replace(".[", "[");
        return (path.isEmpty() ? "it is not " + what : "its " + path + " is not what " + what + " holds there")
                + " (edited by hand?)";
    }

    /** The text of the value the parser is at, as the line has it. */
    private static String text(JsonParser parser, String line) {
        long start = parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        parser.finishToken();
        return line.substring((int) start, (int) parser.currentLocation().getCharOffset());
    }

    private static long runId(Path dir) {
        return Long.parseLong(dir.getFileName().toString());
    }
}
