package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.RecordTooLargeRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class JsonFileReaderTests {

    private static final int LIMIT = 1 << 20;

    private static final String ARRAY_FILE = """
            [
              {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, "status": "active"},
              {"asset": {"name": "héro", "type": "prop"}, "department": "rigging", "version": 2, "status": "active"},
              {"asset": {"name": "villain" "type": "prop"}, "version": 1},
              {"asset": {"name": "sword", "type": "prop"}, "department": "modeling", "version": 1, "status": "active"}
              {"asset": {"name": "car", "type": "vehicle"}, "department": "fx", "version": 3, "status": "deprecated"}
            ]
            """;

    private static final String LINES_FILE = "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"version\": 1}\r\n"
            + "\r\n"
            + "{\"asset\": {\"name\": \"日本\", \"type\": \"prop\"}, \"version\": 2}\r\n"
            + "not json\r\n"
            + "{\"asset\": {\"name\": \"car\", \"type\": \"vehicle\"}, \"version\": 3}";

    @TempDir
    Path dir;

    /** What a record read carries, comparable by value (a parsed record's byte array is not). */
    record Item(RecordPosition position, Object content) {
    }

    @Test
    void readsEveryRecordOfAnArrayFileAndGoesOnAfterBrokenOnes() throws IOException {
        // given
        JsonFileReader reader = reader(write(ARRAY_FILE));
        reader.open(new ExecutionContext());

        // when
        List<SourceRecord> records = readAll(reader);
        reader.close();

        // then
        assertThat(records).hasSize(5);
        assertThat(records).extracting(r -> r.position().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).extracting(r -> r.position().line()).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(records).extracting(r -> r.getClass().getSimpleName())
                .containsExactly("Parsed", "Parsed", "Unreadable", "Parsed", "Unreadable");
        InputRecord second = ((SourceRecord.Parsed) records.get(1)).input();
        assertThat(second.name()).isEqualTo(FieldValue.string("héro"));
        assertThat(second.version()).isEqualTo(FieldValue.integer("2"));
        assertThat(((SourceRecord.Unreadable) records.get(2)).violation().message()).startsWith("line 4, column 32: ");
        assertThat(((SourceRecord.Parsed) records.get(3)).input().name()).isEqualTo(FieldValue.string("sword"));
        assertThat(((SourceRecord.Unreadable) records.get(4)).violation().message()).contains("missing ','");
    }

    @Test
    void readsEveryRecordOfAJsonLinesFile() throws IOException {
        // given
        Path file = write(LINES_FILE);
        JsonFileReader reader = reader(file);
        reader.open(new ExecutionContext());

        // when
        List<SourceRecord> records = readAll(reader);
        reader.close();

        // then
        assertThat(records).extracting(SourceRecord::position).containsExactly(
                new RecordPosition(1, 1, 1, 0, 62),
                new RecordPosition(2, 3, 1, 66, 59),
                new RecordPosition(3, 4, 1, 127, 8),
                new RecordPosition(4, 5, 1, 137, 59));
        assertThat(((SourceRecord.Parsed) records.get(1)).input().name()).isEqualTo(FieldValue.string("日本"));
        assertThat(records.get(2)).isInstanceOf(SourceRecord.Unreadable.class);
        assertThat(((SourceRecord.Unreadable) records.get(2)).violation().message()).startsWith("line 4, column 1: ");
    }

    @Test
    void positionOfAParsedRecordPointsAtItsBytesInTheFile() throws IOException {
        // given
        Path file = write(ARRAY_FILE);
        byte[] content = Files.readAllBytes(file);
        JsonFileReader reader = reader(file);
        reader.open(new ExecutionContext());

        // when
        List<SourceRecord> records = readAll(reader);
        reader.close();

        // then
        for (SourceRecord record : records) {
            if (record instanceof SourceRecord.Parsed parsed) {
                RecordPosition at = parsed.position();
                byte[] inFile = Arrays.copyOfRange(content, (int) at.offset(), (int) at.offset() + at.length());
                assertThat(inFile).isEqualTo(parsed.raw());
            }
        }
    }

    @Test
    void updateSavesWhereTheReaderStandsAndHowManyRecordsItRead() throws IOException {
        // given
        JsonFileReader reader = reader(write(LINES_FILE));
        reader.open(new ExecutionContext());
        reader.read();
        reader.read();
        var context = new ExecutionContext();

        // when
        reader.update(context);
        reader.close();

        // then: just after the second record, before its CR LF
        assertThat(context.getLong(JsonFileReader.RECORDS_KEY)).isEqualTo(2);
        assertThat(context.getLong("reader.offset")).isEqualTo(125);
        assertThat(context.getLong("reader.line")).isEqualTo(3);
        assertThat(context.getString("reader.framing")).isEqualTo("LINES");
    }

    @Test
    void updateBeforeAnyReadSavesTheStartOfTheFile() throws IOException {
        // given
        JsonFileReader reader = reader(write(ARRAY_FILE));
        reader.open(new ExecutionContext());
        var context = new ExecutionContext();

        // when
        reader.update(context);
        reader.close();

        // then
        assertThat(context.getLong("reader.offset")).isZero();
        assertThat(context.getLong(JsonFileReader.RECORDS_KEY)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {ARRAY_FILE, LINES_FILE, "\uFEFF[{\"a\": 1}] \n\t", "[{\"a\": 1}, {\"b\"",
        "{\"a\": 1}\n  \n", ""})
    void aReaderOfAFileOfTheExpectedLengthReadsItToTheEnd(String content) throws IOException {
        // given: the length its digest reports, as a load expects it
        Path file = write(content);
        var parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(), new RecordTooLargeRule());
        var reader = new JsonFileReader(file, parser, LIMIT, FileDigest.hash(file).bytes(), null);
        reader.open(new ExecutionContext());

        // when
        List<SourceRecord> records = readAll(reader);
        reader.close();

        // then: whatever the file's framing, breakage and trailing white space, the reading ends at its last byte
        assertThat(records.size()).isEqualTo(items(readAllFrom(file, new ExecutionContext())).size());
        assertThat(reader.position().offset()).isEqualTo(content.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aFileCutWhileItIsReadSaysTheLengthItHasNowNotHowMuchWasRead() throws IOException {
        // given: a file of 100,000 lines, hashed, of which the reader has read a first buffer's worth
        String line = "{\"asset\": {\"name\": \"hero\", \"type\": \"character\"}, \"version\": 1}\n";
        Path file = write(line.repeat(100_000));
        long hashed = FileDigest.hash(file).bytes();
        var reader = openedReader(file, hashed, null);
        assertThat(reader.read()).isNotNull();

        // when: cut to ten lines, as truncate -s would
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(line.length() * 10L);
        }

        // then: its length now, which is what a user can check
        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(ItemStreamException.class)
                .hasMessageStartingWith(file + " changed while it was loaded: it had " + hashed + " bytes when its"
                        + " SHA-256 was computed, and " + line.length() * 10L + " now, when its reading ended.");
        reader.close();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFileThatGrewOrShrankSinceItWasHashedFailsTheReadingAtItsEnd(boolean grew) throws IOException {
        // given: hashed, then appended to (a tool still writing it) or cut
        Path file = write(LINES_FILE);
        long hashed = FileDigest.hash(file).bytes();
        Files.writeString(file, grew ? LINES_FILE + "\n{\"a\": 1}" : LINES_FILE.substring(0, LINES_FILE.length() - 10));
        var reader = openedReader(file, hashed, null);

        // when, then
        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(ItemStreamException.class)
                .hasMessage(file + " changed while it was loaded: it had " + hashed + " bytes when its SHA-256 was "
                        + "computed, and " + Files.size(file) + " now, when its reading ended. Is something still writing "
                        + "it? Load it again once it is complete");
        reader.close();
    }

    @Test
    void aFileRewrittenInPlaceAtTheSameLengthSinceItWasHashedFailsTheReadingAtItsEnd() throws IOException {
        // given: hashed, then rewritten in place, one record's name changed and its length kept
        Path file = write(LINES_FILE);
        FileDigest.Hash hashed = FileDigest.hash(file);
        String rewritten = LINES_FILE.replace("hero", "hexo");
        assertThat(rewritten).isNotEqualTo(LINES_FILE).hasSameSizeAs(LINES_FILE);
        Files.writeString(file, rewritten);
        Files.setLastModifiedTime(file, FileTime.from(hashed.modified().toInstant().plusSeconds(1)));
        var reader = openedReader(file, hashed.bytes(), hashed.modified());

        // when, then
        assertThatThrownBy(() -> readAll(reader)).isInstanceOf(FileChangedException.class)
                .hasMessage(file + " changed while it was loaded: it was modified at " + Files.getLastModifiedTime(file)
                        + ", after its SHA-256 was computed (of the file as modified at " + hashed.modified() + "). Is "
                        + "something still writing it? Load it again once it is complete");
        reader.close();
    }

    @Test
    void aFileLeftAsItWasHashedIsReadToTheEndWithItsModificationTimeChecked() throws IOException {
        Path file = write(LINES_FILE);
        FileDigest.Hash hashed = FileDigest.hash(file);
        var reader = openedReader(file, hashed.bytes(), hashed.modified());

        assertThat(readAll(reader)).hasSize(items(readAllFrom(file, new ExecutionContext())).size());
        reader.close();
    }

    /** A reader of {@code file} that expects what a load expects of it, opened at its start. */
    private static JsonFileReader openedReader(Path file, long bytes, FileTime modified) {
        var parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(), new RecordTooLargeRule());
        var reader = new JsonFileReader(file, parser, LIMIT, bytes, modified);
        reader.open(new ExecutionContext());
        return reader;
    }

    @ParameterizedTest
    @ValueSource(strings = {ARRAY_FILE, LINES_FILE, ""})
    void fileDigestIsTheFilesSha256(String content) throws IOException {
        Path file = write(content);

        assertThat(FileDigest.sha256(file)).isEqualTo(sha256(Files.readAllBytes(file)));
    }

    @Test
    void fileDigestCoversTheWholeFileEvenWhenItIsLargerThanTheReadBuffer() throws IOException {
        String record = "{\"notes\": \"" + "x".repeat(30_000) + "\"}\n";
        Path file = write(record.repeat(3));

        assertThat(FileDigest.sha256(file)).isEqualTo(sha256(Files.readAllBytes(file)));
    }

    @Test
    void aDigestStartedOnAThreadOfItsOwnIsTheFilesSha256() throws IOException {
        Path file = write(LINES_FILE);

        FileDigest digest = FileDigest.start(file);

        assertThat(digest.sha256()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(digest.file()).isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void aDigestStartedOnAMissingFileFailsWhenItIsAskedFor() {
        Path missing = dir.resolve("missing.json");

        FileDigest digest = FileDigest.start(missing);

        assertThatThrownBy(digest::sha256).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("Cannot read " + missing.toAbsolutePath().normalize() + " to compute");
    }

    @Test
    void aLoadRequestTakesOnlyADigestOfItsOwnFile() throws IOException {
        Path file = write(LINES_FILE);
        Path other = write(LINES_FILE);

        assertThatThrownBy(() -> LoadRequest.of(file).withDigest(FileDigest.start(other)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(other.toString());
        FileDigest own = FileDigest.start(file);
        assertThat(LoadRequest.of(file).withForce(true).withDigest(own).withDryRun(true).digest()).isSameAs(own);
    }

    @ParameterizedTest
    @ValueSource(strings = {ARRAY_FILE, LINES_FILE,
        // a record cut after a name's colon, whose rest is read again: a restart must not rewind into it again
        "[\n{\"a\":\n{\"b\":\n{\"c\":1},\n{\"d\":2},\n{\"e\":5}\n]"})
    void restartedReaderReturnsExactlyTheRemainingRecordsWithTheirPositions(String content) throws IOException {
        Path file = write(content);
        List<Item> uninterrupted = items(readAllFrom(file, new ExecutionContext()));
        assertThat(uninterrupted).hasSizeGreaterThanOrEqualTo(4);

        for (int k = 0; k <= uninterrupted.size(); k++) {
            // given: a run that read k records, committed and failed
            JsonFileReader first = reader(file);
            var saved = new ExecutionContext();
            first.open(saved);
            List<SourceRecord> before = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                before.add(first.read());
            }
            first.update(saved);
            first.close();

            // when
            JsonFileReader restarted = reader(file);
            var context = new ExecutionContext(saved);
            restarted.open(context);
            List<SourceRecord> after = readAll(restarted);
            restarted.update(context);
            restarted.close();

            // then
            assertThat(items(after)).as("restarted after %d records", k)
                    .isEqualTo(uninterrupted.subList(k, uninterrupted.size()));
            assertThat(context.getLong(JsonFileReader.RECORDS_KEY)).isEqualTo(uninterrupted.size());
        }
    }

    @Test
    void aCommitSavesThePositionOfTheLastRecordHandedOutNotOfTheReadAhead() throws IOException {
        // given: more records than the reader reads ahead, so that it has read past what the step took
        int total = JsonFileReader.BATCH_RECORDS * (JsonFileReader.BATCHES_AHEAD + 2);
        Path file = write(jsonLines(total));
        JsonFileReader first = reader(file);
        var saved = new ExecutionContext();
        first.open(saved);
        SourceRecord last = null;
        for (int i = 0; i < 2_345; i++) {
            last = first.read();
        }

        // when
        first.update(saved);
        first.close();
        JsonFileReader restarted = reader(file);
        restarted.open(new ExecutionContext(saved));
        List<SourceRecord> rest = readAll(restarted);
        restarted.close();

        // then
        assertThat(saved.getLong(JsonFileReader.RECORDS_KEY)).isEqualTo(2_345);
        assertThat(saved.getLong("reader.offset")).isEqualTo(last.position().offset() + last.position().length());
        assertThat(first.position().recordNumber()).isEqualTo(2_345);
        assertThat(rest).hasSize(total - 2_345);
        assertThat(rest.get(0).position().recordNumber()).isEqualTo(2_346);
        assertThat(rest.get(0).position().line()).isEqualTo(2_346);
    }

    @Test
    void closeStopsTheReadAheadThread() throws IOException {
        // given: a reader that has filled its read-ahead and waits for the step to take more
        Path file = write(jsonLines(JsonFileReader.BATCH_RECORDS * (JsonFileReader.BATCHES_AHEAD + 3)));
        JsonFileReader reader = reader(file);
        reader.open(new ExecutionContext());
        reader.read();
        assertThat(readAheadThreads(file)).isNotEmpty();

        // when
        reader.close();

        // then
        assertThat(readAheadThreads(file)).isEmpty();
    }

    @Test
    void closeReleasesTheFile() throws IOException {
        // given: a reader that has read from its file (a server loads many files over its life)
        Path file = write(jsonLines(3));
        JsonFileReader reader = reader(file);
        reader.open(new ExecutionContext());
        reader.read();

        // when
        reader.close();

        // then: no descriptor of this process is left open on it
        Path real = file.toRealPath();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            assertThat(descriptors.filter(descriptor -> {
                try {
                    return Files.readSymbolicLink(descriptor).equals(real);
                } catch (IOException gone) { // the listing's own descriptor, closed since
                    return false;
                }
            })).isEmpty();
        }
    }

    // --- helpers ---

    private static String jsonLines(int records) {
        var lines = new StringBuilder();
        for (int i = 1; i <= records; i++) {
            lines.append("{\"asset\": {\"name\": \"a").append(i)
                    .append("\", \"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}\n");
        }
        return lines.toString();
    }

    private static List<Thread> readAheadThreads(Path file) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("read-ahead " + file.getFileName()) && thread.isAlive())
                .toList();
    }

    /** An error that fails again as it is handled: what an OutOfMemoryError does when handling it needs memory. */
    private static final class FailingAgain extends Error {

        @Override
        public String getMessage() {
            throw new FailingAgain();
        }
    }

    @Test
    void aReadAheadThreadThatDiesWithoutAWordFailsTheReadInsteadOfLeavingItWaiting() throws IOException {
        // given: a rule whose failure fails again as the read-ahead thread handles it, so that the thread dies
        var syntax = new JsonSyntaxRule() {
            @Override
            public Violation violation(String message) {
                throw new FailingAgain();
            }
        };
        var parser = new RecordParser(ReaderLimits.defaults(), syntax, new RecordTooLargeRule());
        Path file = write(LINES_FILE);
        JsonFileReader reader = new JsonFileReader(file, parser, LIMIT, -1, null);
        reader.open(new ExecutionContext());

        // when, then: the step hears of it, within a few seconds, rather than wait for ever
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(() -> {
                while (reader.read() != null) {
                    // the records before the broken one
                }
            }).isInstanceOf(ItemStreamException.class)
                    .hasMessage("Cannot read " + file + ": its reading thread ended with "
                            + FailingAgain.class.getName())
                    .hasCauseInstanceOf(FailingAgain.class);
        });
        reader.close();
    }

    @Test
    void anErrorOnTheReadAheadThreadFailsTheReadInsteadOfLeavingItWaiting() throws IOException {
        // given: a rule that runs out of memory when the reader meets the broken record, on its read-ahead thread
        var syntax = new JsonSyntaxRule() {
            @Override
            public Violation violation(String message) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        var parser = new RecordParser(ReaderLimits.defaults(), syntax, new RecordTooLargeRule());
        JsonFileReader reader = new JsonFileReader(write(LINES_FILE), parser, LIMIT, -1, null);
        reader.open(new ExecutionContext());

        // when, then: the failure, at once (the batch it ended was never handed on), and the step fails on it
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class)
                    .hasMessageStartingWith("Reading " + dir)
                    .hasMessageContaining(" ran out of memory (Java heap space) in a heap of ")
                    .hasMessageContaining("-Xmx2g")
                    .hasCauseInstanceOf(OutOfMemoryError.class);
        });
        reader.close();
    }

    private JsonFileReader reader(Path file) {
        var parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(), new RecordTooLargeRule());
        return new JsonFileReader(file, parser, LIMIT, -1, null);
    }

    private Path write(String content) throws IOException {
        return Files.write(dir.resolve("input-" + System.nanoTime() + ".json"), content.getBytes(StandardCharsets.UTF_8));
    }

    private List<SourceRecord> readAllFrom(Path file, ExecutionContext context) {
        JsonFileReader reader = reader(file);
        reader.open(context);
        try {
            return readAll(reader);
        } finally {
            reader.close();
        }
    }

    private static List<SourceRecord> readAll(JsonFileReader reader) {
        List<SourceRecord> records = new ArrayList<>();
        SourceRecord record;
        while ((record = reader.read()) != null) {
            records.add(record);
            if (records.size() > 100_000) {
                throw new AssertionError("The reader does not come to an end.");
            }
        }
        return records;
    }

    private static List<Item> items(List<SourceRecord> records) {
        return records.stream().map(record -> new Item(record.position(), record instanceof SourceRecord.Parsed parsed
                ? List.of(parsed.input(), new String(parsed.raw(), StandardCharsets.UTF_8))
                : List.of(((SourceRecord.Unreadable) record).violation(),
                        ((SourceRecord.Unreadable) record).recordJson()))).toList();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
