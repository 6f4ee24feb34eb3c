package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of a JSON file, one at a time, whatever the file's size. Restartable: each commit saves the
 * byte offset, line, column and record number reached, and a restarted step seeks straight there.
 * <p>
 * Not thread-safe, as Spring Batch readers of a single-threaded step need not be.
 */
class JsonFileReader implements ItemStreamReader<SourceRecord> {

    static final String RECORDS_KEY = "input.records";
    private static final String PREFIX = "reader.";

    private final Path file;
    private final RecordParser parser;
    private final int maxRecordBytes;

    private FileChannel channel;
    private RecordSplitter splitter;

    JsonFileReader(Path file, RecordParser parser, int maxRecordBytes) {
        this.file = file;
        this.parser = parser;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            if (context.containsKey(PREFIX + "offset")) {
                var checkpoint = restore(context);
                channel.position(checkpoint.offset());
                splitter = new RecordSplitter(Channels.newInputStream(channel), maxRecordBytes, checkpoint);
            } else {
                splitter = new RecordSplitter(Channels.newInputStream(channel), maxRecordBytes);
            }
        } catch (IOException e) {
            throw new ItemStreamException("Cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SourceRecord read() {
        try {
            RawRecord raw = splitter.next();
            return raw == null ? null : parser.parse(raw);
        } catch (UncheckedIOException e) {
            throw new ItemStreamException("Cannot read " + file + ": " + e.getCause().getMessage(), e);
        }
    }

    /** How far the reader has come: offset, line, column and records read. Cheap: progress asks once per chunk. */
    public RecordSplitter.Checkpoint position() {
        return splitter.checkpoint();
    }

    /** The byte offset a step with this execution context resumes from: 0 for a step that starts afresh. */
    static long savedOffset(ExecutionContext context) {
        return context.getLong(PREFIX + "offset", 0);
    }

    @Override
    public void update(ExecutionContext context) {
        var checkpoint = splitter.checkpoint();
        context.putLong(PREFIX + "offset", checkpoint.offset());
        context.putLong(PREFIX + "line", checkpoint.line());
        context.putLong(PREFIX + "column", checkpoint.column());
        context.putLong(RECORDS_KEY, checkpoint.recordNumber());
        context.putString(PREFIX + "framing", String.valueOf(checkpoint.framing()));
        context.putString(PREFIX + "state", checkpoint.state().name());
    }

    private static RecordSplitter.Checkpoint restore(ExecutionContext context) {
        String framing = context.getString(PREFIX + "framing");
        return new RecordSplitter.Checkpoint(context.getLong(PREFIX + "offset"), context.getLong(PREFIX + "line"),
                context.getLong(PREFIX + "column"), context.getLong(RECORDS_KEY),
                "null".equals(framing) ? null : RecordSplitter.Framing.valueOf(framing),
                RecordSplitter.State.valueOf(context.getString(PREFIX + "state")));
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
