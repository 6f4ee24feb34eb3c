package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.storage.Warning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The step's writer: writes a chunk's valid records to the registry, pending until the resolve step, and records its
 * rejects and warnings, and how many records the run has read, all in the chunk's transaction, so a chunk that rolls
 * back leaves neither a written record nor a phantom reject or warning behind.
 * Thread-safe.
 */
class StagingWriter implements ItemWriter<CheckedRecord> {

    private final LoadStore store;
    private final long runId;

    StagingWriter(LoadStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends CheckedRecord> chunk) {
        List<StagedVersion> staged = new ArrayList<>(chunk.size());
        List<Reject> rejects = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        long read = 0;
        for (CheckedRecord record : chunk) {
            if (record instanceof CheckedRecord.Staged s) {
                staged.add(s.version());
                read = Math.max(read, s.version().position().recordNumber());
            } else {
                Reject reject = ((CheckedRecord.Rejected) record).reject();
                rejects.add(reject);
                read = Math.max(read, reject.position().recordNumber());
            }
            if (record.warning() != null) {
                warnings.add(record.warning());
            }
        }
        store.write(runId, staged);
        store.reject(runId, rejects);
        store.warn(runId, warnings);
        store.recordRead(runId, read, Instant.now());
    }
}
