package com.studio.assetregistry.report;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.files.PartialFile;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.Warning;
import com.studio.assetregistry.validation.Rule;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.Violation;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's report directory. Each file is written to a temporary name and moved into place, so a report is
 * either whole or absent, and writing it again (after a restart) replaces it. Thread-safe.
 */
public class RejectReportWriter {

    /** One line per rejected record. */
    public static final String REJECTS_FILE = "rejects.jsonl";
    /** One line per record with warnings. */
    public static final String WARNINGS_FILE = "warnings.jsonl";
    /** The run's summary. */
    public static final String SUMMARY_FILE = "summary.json";

    private static final Logger log = LoggerFactory.getLogger(RejectReportWriter.class);

    /** Lines end with a newline of their own, so no separator goes between root values. */
    private final JsonFactory json = JsonFactory.builder().rootValueSeparator((String) null).build();
    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final RuleCatalogue rules;

    /** A writer that describes the rules a summary counts as {@code rules} has them. */
    public RejectReportWriter(RuleCatalogue rules) {
        this.rules = Objects.requireNonNull(rules, "The rule catalogue must not be null.");
    }

    /**
     * Writes the whole report of {@code run} in {@code dir} from what {@code store} holds: its rejects, its warnings,
     * and last its summary, which is what makes a directory a report, with {@code metrics} if the run was measured
     * ({@code null} otherwise). Written again, it replaces the report that was there, and removes the partial files
     * a writer killed in the middle left.
     */
    public void writeReport(Path dir, LoadStore store, LoadRun run, ReportSummary.Metrics metrics) {
        removePartialFiles(dir);
        writeRejects(dir, action -> store.forEachReject(run.id(), action));
        writeWarnings(dir, action -> store.forEachWarning(run.id(), action));
        writeSummary(dir, ReportSummary.of(run).withMetrics(metrics));
    }

    /**
     * Writes {@code rejects.jsonl} in {@code dir} from the rejects that {@code source} hands to the consumer it is
     * given, in the order it hands them.
     */
    public void writeRejects(Path dir, Consumer<Consumer<Reject>> source) {
        writeAtomically(dir.resolve(REJECTS_FILE), out -> {
            try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
                source.accept(reject -> writeLine(generator, reject.position(), reject.violations(),
                        reject.recordJson()));
            }
        });
    }

    /**
     * Writes {@code warnings.jsonl} in {@code dir} from the warnings that {@code source} hands to the consumer it is
     * given, in the order it hands them; its lines have the shape of the rejects' lines.
     */
    public void writeWarnings(Path dir, Consumer<Consumer<Warning>> source) {
        writeAtomically(dir.resolve(WARNINGS_FILE), out -> {
            try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
                source.accept(warning -> writeLine(generator, warning.position(), warning.violations(),
                        warning.recordJson()));
            }
        });
    }

    /** Writes {@code summary.json} in {@code dir}, with the description of every rule it counts. */
    public void writeSummary(Path dir, ReportSummary summary) {
        ReportSummary described = summary.withRuleDescriptions(id -> rules.find(id).map(Rule::description));
        writeAtomically(dir.resolve(SUMMARY_FILE), out -> mapper.writeValue(out, described));
    }

    private static void writeLine(JsonGenerator generator, RecordPosition position, List<Violation> violations,
                                  String recordJson) {
        generator.writeStartObject();
        generator.writeNumberProperty("recordNumber", position.recordNumber());
        generator.writeNumberProperty("line", position.line());
        generator.writeNumberProperty("column", position.column());
        generator.writeArrayPropertyStart("rules");
        for (Violation violation : violations) {
            generator.writeStartObject();
            generator.writeStringProperty("id", violation.rule());
            generator.writeStringProperty("field", violation.field());
            generator.writeStringProperty("message", violation.message());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeName("record");
        generator.writeRawValue(recordJson);
        generator.writeEndObject();
        generator.writeRaw('\n');
    }

    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Checks that a report can be written in {@code dir}, creating it if need be, before a load that would find out
     * only once it registered its records.
     *
     * @throws UncheckedIOException saying why not, in the file system's words
     */
    public static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(reason(e), e);
        }
        try {
            Files.delete(Files.createTempFile(dir, ".writable", null));
        } catch (IOException e) { // the directory's to name, not the probe's random name in it
            throw new UncheckedIOException(dir + ": " + FileFailures.reason(e), e);
        }
    }

    /** The file system's words, which Java's exceptions often leave out of their message (only a path). */
    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException) { // from creating a directory
            return e.getMessage() + " is not a directory";
        }
        return FileFailures.describe(e);
    }

    /** Writes the file whole, or not at all: a failure, of the disk or of the content's source, leaves no part. */
    private static void writeAtomically(Path target, Content content) {
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            PartialFile part = PartialFile.beside(target);
            partial = part.path();
            try (OutputStream out = new BufferedOutputStream(part.out(), 1 << 16)) {
                content.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            removePart(partial, e);
            throw new UncheckedIOException("Cannot write the report file " + target + ": " + reason(e), e);
        } catch (RuntimeException e) {
            removePart(partial, e);
            throw e;
        }
    }

    private static void removePartialFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> partials = Files.newDirectoryStream(dir, "*" + PartialFile.SUFFIX)) {
            for (Path partial : partials) {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) { // left: the report is written all the same
            log.warn("Cannot remove the partial files in {}: {}", dir, FileFailures.describe(e));
        }
    }

    private static void removePart(Path partial, Exception failure) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
