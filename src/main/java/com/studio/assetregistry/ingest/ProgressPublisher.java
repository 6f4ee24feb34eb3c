package com.studio.assetregistry.ingest;

import com.studio.assetregistry.ingest.LoadProgress.Phase;
import com.studio.assetregistry.storage.LoadStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Tells the load's {@link LoadProgressListener} how it advances: after each chunk of the reading step (bytes and
 * records read, rejects so far), and once as each of the resolving and report steps starts. Does nothing when the
 * load has no listener.
 * Costs a pass over the chunk's items and a look at the reader's position per chunk, never work per record read.
 * <p>
 * One instance per step execution; not thread-safe, as the steps it listens to are single-threaded.
 */
class ProgressPublisher implements ChunkListener<SourceRecord, CheckedRecord>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressPublisher.class);

    private final ProgressListeners listeners;
    private final LoadStore store;
    /** The reading step's reader; {@code null} for the steps after it. */
    private final JsonFileReader reader;
    /** The step's phase, which the steps after reading publish once, as they start. */
    private final Phase phase;
    private final Path file;
    private final long runId;

    private LoadProgressListener listener = LoadProgressListener.NONE;
    private long fileSize;
    private long startNanos;
    private long startBytes;
    private long startRecords;
    private long rejected;

    /** The publisher of the reading step, which reports the position {@code reader} has handed records out to. */
    static ProgressPublisher reading(ProgressListeners listeners, LoadStore store, JsonFileReader reader, Path file,
                                     long runId) {
        return new ProgressPublisher(listeners, store, Objects.requireNonNull(reader), file, runId, Phase.READING);
    }

    /** The publisher of the resolving step. */
    static ProgressPublisher resolving(ProgressListeners listeners, LoadStore store, Path file, long runId) {
        return new ProgressPublisher(listeners, store, null, file, runId, Phase.RESOLVING);
    }

    /** The publisher of the report step. */
    static ProgressPublisher reporting(ProgressListeners listeners, LoadStore store, Path file, long runId) {
        return new ProgressPublisher(listeners, store, null, file, runId, Phase.REPORTING);
    }

    /**
     * Not private, so that the step scope can subclass it: {@link #reading}, {@link #resolving} and
     * {@link #reporting} say which step's it is.
     */
    ProgressPublisher(ProgressListeners listeners, LoadStore store, JsonFileReader reader, Path file, long runId,
                      Phase phase) {
        this.phase = phase;
        this.listeners = listeners;
        this.store = store;
        this.reader = reader;
        this.file = file;
        this.runId = runId;
    }

    @Override
    public void beforeStep(StepExecution step) {
        listener = listeners.of(runId);
        if (listener == LoadProgressListener.NONE) {
            return;
        }
        startNanos = System.nanoTime();
        fileSize = sizeOf(file);
        if (reader != null) {
            ExecutionContext saved = step.getExecutionContext();
            startBytes = JsonFileReader.savedOffset(saved);
            startRecords = saved.getLong(JsonFileReader.RECORDS_KEY, 0);
            rejected = startRecords == 0 ? 0 : store.rejectTally(runId).records(); // a resumed run's rejects so far
        } else {
            long records = step.getJobExecution().getExecutionContext().getLong(JsonFileReader.RECORDS_KEY, 0);
            publish(phase, fileSize, records, store.rejectTally(runId).records());
        }
    }

    @Override
    public void afterChunk(Chunk<CheckedRecord> chunk) {
        if (listener == LoadProgressListener.NONE) {
            return;
        }
        for (CheckedRecord record : chunk) {
            if (record instanceof CheckedRecord.Rejected) {
                rejected++;
            }
        }
        RecordSplitter.Checkpoint at = reader.position();
        publish(Phase.READING, at.offset(), at.recordNumber(), rejected);
    }

    /** A listener that fails is dropped: a broken progress display must not fail the load it displays. */
    private void publish(Phase phase, long bytesRead, long records, long rejectedSoFar) {
        try {
            listener.progressed(new LoadProgress(file, phase, fileSize, bytesRead, records, rejectedSoFar,
                    startBytes, startRecords, Duration.ofNanos(System.nanoTime() - startNanos)));
        } catch (RuntimeException e) {
            log.warn("The progress listener of run {} failed and is no longer told: {}", runId, e.toString());
            listener = LoadProgressListener.NONE;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the reader reports an unreadable file; progress just shows no share
        }
    }
}
