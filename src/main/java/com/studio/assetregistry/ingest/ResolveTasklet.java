package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.Resolution;
import com.studio.assetregistry.storage.StagedFinding;
import com.studio.assetregistry.validation.CrossRecordValidator;
import com.studio.assetregistry.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.dao.DataAccessException;

/**
 * The second step: once the whole file is written, pending, judges it by the cross-record rules and registers what
 * may be registered, in one transaction. A record that may not be registered is rejected with every cross-record
 * rule it breaks and its text, read back from the file (only rejects are read twice): by its offset when the store
 * kept it, or found again by its record number in one forward pass over the file. Running it again after it
 * committed does nothing, since the run is then no longer pending.
 * <p>
 * The reject budget is checked once every record is judged, before the transaction commits: a load over it keeps its
 * rejects but none of its registrations, and the step ends with the exit status {@link #OVER_BUDGET}, on which the
 * job fails.
 * <p>
 * A dry run judges everything the same way and keeps none of its registrations, as if it were over budget; it counts
 * the versions it would have registered instead, and fails only if the load would have been over budget.
 */
class ResolveTasklet implements Tasklet {

    /** The exit status of a step whose load rejected more records than the budget allows. */
    static final String OVER_BUDGET = "OVER_BUDGET";

    private static final int BATCH_SIZE = 1_000;
    private static final String READING_BACK = "when its rejects were to be read back from it";
    private static final String READ_BACK = "once its rejects were read back from it";

    private final LoadStore store;
    private final CrossRecordValidator validator;
    private final RecordParser parser;
    private final RejectBudget budget;
    private final HashedFile file;
    private final int maxRecordBytes;
    private final long runId;
    private final boolean dryRun;

    ResolveTasklet(LoadStore store, CrossRecordValidator validator, RecordParser parser, RejectBudget budget,
                   HashedFile file, int maxRecordBytes, long runId, boolean dryRun) {
        this.store = store;
        this.validator = validator;
        this.parser = parser;
        this.budget = budget;
        this.file = file;
        this.maxRecordBytes = maxRecordBytes;
        this.runId = runId;
        this.dryRun = dryRun;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long read = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .getLong(JsonFileReader.RECORDS_KEY, 0);
        long recordRejects = budget.isLimited() ? store.rejectTally(runId).records() : 0;
        boolean[] overBudget = {false};
        long[] wouldRegister = {0};
        file.checkUnchanged(READING_BACK);
        try (FileChannel source = FileChannel.open(file.path(), StandardOpenOption.READ);
             RecordLocator locator = new RecordLocator(file.path(), maxRecordBytes)) {
            List<Reject> rejects = new ArrayList<>();
            Resolution resolution = store.resolve(runId, finding -> {
                rejects.add(toReject(finding, source, locator));
                if (rejects.size() == BATCH_SIZE) {
                    store.reject(runId, rejects);
                    rejects.clear();
                }
            }, walked -> {
                file.checkUnchanged(READ_BACK); // the rejects quote what the run's content says, or nothing commits
                overBudget[0] = !budget.allows(recordRejects + walked.findings(), read);
                wouldRegister[0] = overBudget[0] ? 0 : walked.registered();
                return !overBudget[0] && !dryRun;
            });
            store.reject(runId, rejects);
            if (dryRun) {
                store.countDryRunRegistrations(runId, wouldRegister[0]);
            }
            contribution.incrementWriteCount(resolution.registered());
        } catch (DataAccessException e) { // the database's failure, whatever became of the file
            throw e;
        } catch (RuntimeException | IOException e) { // a record not found again, or not JSON: the file changed, say so
            try {
                file.checkUnchanged(READ_BACK);
            } catch (RuntimeException changed) {
                changed.addSuppressed(e);
                throw changed;
            }
            throw e;
        }
        if (overBudget[0]) {
            contribution.setExitStatus(new ExitStatus(OVER_BUDGET));
        }
        return RepeatStatus.FINISHED;
    }

    private Reject toReject(StagedFinding finding, FileChannel source, RecordLocator locator) {
        List<Violation> violations = validator.validate(finding.finding());
        if (violations.isEmpty()) {
            throw new IllegalStateException("Record " + finding.position().recordNumber()
                    + " was held back from registration but breaks no cross-record rule.");
        }
        if (finding.isLocated()) {
            return new Reject(finding.position(), violations,
                    parser.reportText(readRecord(source, finding.position()), finding.position().length()));
        }
        RawRecord raw = locator.find(finding.position().recordNumber());
        return new Reject(raw.position(), violations,
                parser.reportText(Arrays.copyOf(raw.bytes(), raw.kept()), raw.position().length()));
    }

    private static byte[] readRecord(FileChannel source, RecordPosition position) {
        ByteBuffer buffer = ByteBuffer.allocate(position.length());
        try {
            long at = position.offset();
            while (buffer.hasRemaining()) {
                int read = source.read(buffer, at + buffer.position());
                if (read < 0) {
                    throw new IOException("the file is shorter than when it was read");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read record " + position.recordNumber() + " back from the file: "
                    + e.getMessage(), e);
        }
        return buffer.array();
    }
}
