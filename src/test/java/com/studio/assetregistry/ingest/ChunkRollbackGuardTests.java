package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The guard in real transactions on a SQLite file, as the chunk's: kept when they commit, undone when they do not. */
class ChunkRollbackGuardTests {

    @TempDir
    Path dir;

    private StepExecution step;
    private ChunkRollbackGuard guard;
    private TransactionTemplate transactions;

    @BeforeEach
    void aStepThatCommittedOnce() {
        step = new StepExecution(1, "stageRecordsStep", new JobExecution(1, new JobInstance(1, "job"),
                new JobParameters()));
        step.setVersion(3);
        step.getExecutionContext().putLong("reader.offset", 1_000);
        guard = new ChunkRollbackGuard();
        guard.beforeStep(step);
        var db = new SingleConnectionDataSource("jdbc:sqlite:" + dir.resolve("t.db"), true);
        transactions = new TransactionTemplate(new JdbcTransactionManager(db));
    }

    @Test
    void aChunkThatCommitsKeepsWhatItChanged() {
        transactions.executeWithoutResult(status -> chunkAdvancing());

        assertThat(step.getExecutionContext().getLong("reader.offset")).isEqualTo(2_000);
        assertThat(step.getVersion()).isEqualTo(4);
    }

    @Test
    void aChunkRolledBackLeavesTheStepAsItWas() {
        transactions.executeWithoutResult(status -> {
            chunkAdvancing();
            status.setRollbackOnly();
        });

        assertThat(step.getExecutionContext().getLong("reader.offset")).isEqualTo(1_000);
        assertThat(step.getVersion()).isEqualTo(3);
    }

    @Test
    void aChunkWhoseCommitFailsLeavesTheStepAsItWas() {
        // given: a commit that fails, as a full disk fails SQLite's write of the transaction at commit
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            chunkAdvancing();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw new TransactionSystemException("database or disk is full");
                }
            });
        })).isInstanceOf(TransactionSystemException.class);

        assertThat(step.getExecutionContext().getLong("reader.offset")).isEqualTo(1_000);
        assertThat(step.getVersion()).isEqualTo(3);
    }

    /** What Spring Batch does to the step in a chunk's transaction: the reader's new position, the step saved. */
    private void chunkAdvancing() {
        guard.beforeChunk(new Chunk<>());
        step.getExecutionContext().putLong("reader.offset", 2_000);
        step.incrementVersion();
    }
}
