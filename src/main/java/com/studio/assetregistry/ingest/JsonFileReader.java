package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of a JSON file, one at a time, whatever the file's size. Restartable: each commit saves the
 * byte offset, line, column and record number reached, and a restarted step seeks straight there.
 * <p>
 * Reads ahead: a thread of its own splits and parses the records following those handed out, while the step's thread
 * checks and writes the ones before, so that a load keeps two cores busy. It runs at most {@link #BATCHES_AHEAD}
 * batches ahead (each of at most {@link #BATCH_RECORDS} records or about {@link #BATCH_BYTES} bytes), so its memory
 * is bounded whatever the file. What a commit saves is the position after the last record handed out, never the
 * read-ahead's.
 * <p>
 * Not thread-safe, as Spring Batch readers of a single-threaded step need not be.
 */
class JsonFileReader implements ItemStreamReader<SourceRecord> {

    static final String RECORDS_KEY = "input.records";
    private static final String PREFIX = "reader.";
    static final int BATCH_RECORDS = 1_000;
    static final int BATCH_BYTES = 1 << 20;
    static final int BATCHES_AHEAD = 4;

    private final Path file;
    private final RecordParser parser;
    private final int maxRecordBytes;
    private final HashedFile hashed;

    private FileChannel channel;
    private RecordSplitter splitter;
    private BlockingQueue<Batch> ahead;
    private Thread readAhead;
    /** What ended the read-ahead thread without its own handling, if anything did. */
    private volatile Throwable readAheadDied;
    private Batch batch;
    private int next;
    private volatile RecordSplitter.Checkpoint handedOut;

    /** A record read, and the position after it. */
    private record Read(SourceRecord record, RecordSplitter.Checkpoint after) {
    }

    /**
     * Records read ahead, in file order. The last batch carries the position at the end of the file; a batch with a
     * failure ends the reading too.
     */
    private record Batch(List<Read> reads, RecordSplitter.Checkpoint end, RuntimeException failure) {

        boolean last() {
            return end != null || failure != null;
        }
    }

    /**
     * A reader of {@code file}, which must have {@code expectedBytes} bytes when the reading ends, and the
     * modification time {@code expectedModified}: the length and time of the file its run's SHA-256 was computed
     * over. A file that grew, shrank or was written meanwhile (a tool still writing it, or rewriting it in place)
     * fails the step, since what was read is not the content the run is known by. A negative {@code expectedBytes}, a
     * {@code null} {@code expectedModified}, checks nothing.
     */
    JsonFileReader(Path file, RecordParser parser, int maxRecordBytes, long expectedBytes, FileTime expectedModified) {
        this.file = file;
        this.parser = parser;
        this.maxRecordBytes = maxRecordBytes;
        this.hashed = new HashedFile(file, expectedBytes, expectedModified);
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
        handedOut = splitter.checkpoint();
        ahead = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        batch = null;
        readAhead = new Thread(this::readAhead, "read-ahead " + file.getFileName());
        readAhead.setDaemon(true);
        readAheadDied = null;
        // what escapes its own handling (an OutOfMemoryError thrown again as it handled one) is for take() to tell,
        // not for the JVM's default handler to print with its stack trace
        readAhead.setUncaughtExceptionHandler((thread, failure) -> readAheadDied = failure);
        readAhead.start();
    }

    /** The read-ahead thread: splits and parses the file into batches until its end, a failure, or {@link #close}. */
    private void readAhead() {
        try {
            List<Read> reads = new ArrayList<>();
            long bytes = 0;
            RawRecord raw;
            while ((raw = splitter.next()) != null) {
                reads.add(new Read(parser.parse(raw), splitter.checkpoint()));
                bytes += raw.kept();
                if (reads.size() == BATCH_RECORDS || bytes >= BATCH_BYTES) {
                    ahead.put(new Batch(reads, null, null));
                    reads = new ArrayList<>();
                    bytes = 0;
                }
            }
            ahead.put(new Batch(reads, splitter.checkpoint(), null));
        } catch (InterruptedException e) {
            // closed: the step no longer wants records
        } catch (RuntimeException | Error e) { // whatever it is, the step waiting for records hears of it
            RuntimeException failure;
            if (e instanceof UncheckedIOException io) {
                failure = new ItemStreamException("Cannot read " + file + ": " + io.getCause().getMessage(), io);
            } else if (e instanceof RuntimeException other) {
                failure = other;
            } else if (e instanceof OutOfMemoryError heap) {
                failure = new ItemStreamException("Reading " + file + " " + Heap.exhausted(heap), e);
            } else {
                failure = new ItemStreamException("Cannot read " + file + ": " + e, e);
            }
            try {
                ahead.put(new Batch(List.of(), null, failure));
            } catch (InterruptedException closed) {
                // closed: nobody is left to tell
            }
        }
    }

    @Override
    public SourceRecord read() {
        while (batch == null || next == batch.reads().size()) {
            if (batch != null && batch.last()) {
                if (batch.end() != null) {
                    handedOut = batch.end();
                    checkUnchanged(handedOut.offset());
                }
                return null;
            }
            batch = take();
            next = 0;
            if (batch.failure() != null) {
                RuntimeException failure = batch.failure();
                batch = new Batch(List.of(), handedOut, null); // read no further
                throw failure;
            }
        }
        Read read = batch.reads().get(next++);
        handedOut = read.after();
        return read.record();
    }

    private void checkUnchanged(long bytesRead) {
        // its length now first: cut while read, it is shorter than what was read of it
        hashed.checkUnchanged("when its reading ended");
        hashed.checkLength(bytesRead, "read when its reading ended");
    }

    /**
     * The next batch the read-ahead thread made. Should that thread have died without handing on its failure (out of
     * memory again as it handled the first), the step hears of it rather than wait for ever.
     */
    private Batch take() {
        try {
            while (true) {
                Batch next = ahead.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    return next;
                }
                if (!readAhead.isAlive() && ahead.isEmpty()) {
                    Throwable died = readAheadDied;
                    throw died instanceof OutOfMemoryError heap
                            ? new ItemStreamException("Reading " + file + " " + Heap.exhausted(heap), heap)
                            : new ItemStreamException("Cannot read " + file + ": its reading thread ended with "
                                    + (died == null ? "no word" : died.getClass().getName()), died);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemStreamException("Interrupted while reading " + file, e);
        }
    }

    /**
     * How far the reader has come: offset, line, column and records handed out. Cheap: progress asks once per chunk.
     */
    public RecordSplitter.Checkpoint position() {
        return handedOut;
    }

    /** The byte offset a step with this execution context resumes from: 0 for a step that starts afresh. */
    static long savedOffset(ExecutionContext context) {
        return context.getLong(PREFIX + "offset", 0);
    }

    @Override
    public void update(ExecutionContext context) {
        var checkpoint = handedOut;
        context.putLong(PREFIX + "offset", checkpoint.offset());
        context.putLong(PREFIX + "line", checkpoint.line());
        context.putLong(PREFIX + "column", checkpoint.column());
        context.putLong(RECORDS_KEY, checkpoint.recordNumber());
        context.putString(PREFIX + "framing", String.valueOf(checkpoint.framing()));
        context.putString(PREFIX + "state", checkpoint.state().name());
        context.putLong(PREFIX + "rereadUntil", checkpoint.rereadUntil());
    }

    private static RecordSplitter.Checkpoint restore(ExecutionContext context) {
        String framing = context.getString(PREFIX + "framing");
        return new RecordSplitter.Checkpoint(context.getLong(PREFIX + "offset"), context.getLong(PREFIX + "line"),
                context.getLong(PREFIX + "column"), context.getLong(RECORDS_KEY),
                "null".equals(framing) ? null : RecordSplitter.Framing.valueOf(framing),
                RecordSplitter.State.valueOf(context.getString(PREFIX + "state")),
                context.getLong(PREFIX + "rereadUntil", 0)); // 0 in a checkpoint from before rewinds
    }

    @Override
    public void close() {
        stopReadingAhead();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new ItemStreamException("Cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the read-ahead thread, and waits for it, so that the file is not read once closed. */
    private void stopReadingAhead() {
        if (readAhead == null) {
            return;
        }
        readAhead.interrupt();
        try {
            readAhead.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readAhead = null;
    }
}
