package com.studio.assetregistry.ingest;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts the reading step's execution context and version back as they were when a chunk's transaction does not
 * commit. Spring Batch 6's {@code ChunkOrientedStep} saves both within the chunk's transaction, changing them in
 * memory first, and does not undo the change when the transaction rolls back (its legacy {@code TaskletStep} did). A
 * step that then fails saves the execution context it holds: with a commit that failed after the reader's position
 * was put in it, that position would be past records that were never written, and a resume would skip them. With the
 * version left ahead, the failure itself could not be saved, and Spring Batch would refuse to restart the job.
 * <p>
 * One per step execution: not thread-safe, as a single-threaded step needs none.
 */
final class ChunkRollbackGuard implements ChunkListener<SourceRecord, CheckedRecord>, StepExecutionListener {

    private StepExecution step;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.step = stepExecution;
    }

    /** Called within the chunk's transaction, before anything of the step's is changed for the chunk. */
    @Override
    public void beforeChunk(Chunk<SourceRecord> chunk) {
        StepExecution execution = step;
        var context = new ExecutionContext(execution.getExecutionContext());
        Integer version = execution.getVersion();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    execution.setExecutionContext(context);
                    execution.setVersion(version);
                }
            }
        });
    }
}
