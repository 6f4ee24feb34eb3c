package com.studio.assetregistry.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds records of a file again by their numbers, asked for in increasing order, in one forward pass of the
 * splitter: the resolve step's way back to the text and place of the records it rejects when the registry kept only
 * their numbers. Holds one record at a time. Not thread-safe.
 */
final class RecordLocator implements Closeable {

    private final Path file;
    private final int maxRecordBytes;
    private RecordSplitter splitter;
    private InputStream in;

    RecordLocator(Path file, int maxRecordBytes) {
        this.file = file;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The record with this number; numbers must increase from one call to the next.
     *
     * @throws IllegalStateException if the file has fewer records than when it was loaded
     */
    RawRecord find(long recordNumber) {
        try {
            if (splitter == null) {
                in = Files.newInputStream(file); // the splitter buffers
                splitter = new RecordSplitter(in, maxRecordBytes);
            }
            RawRecord record;
            do {
                record = splitter.next();
            } while (record != null && record.position().recordNumber() < recordNumber);
            if (record == null || record.position().recordNumber() != recordNumber) {
                throw new IllegalStateException("Record " + recordNumber + " is no longer in " + file
                        + ": the file changed while it was being loaded");
            }
            return record;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " again: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        }
    }
}
