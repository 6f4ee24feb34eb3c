package com.studio.assetregistry.inbox;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.ingest.InputChangedException;
import com.studio.assetregistry.ingest.InputEncodingException;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.validation.MessageText;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the inbox: loads every settled file waiting in it, oldest first, one after the other through
 * {@link AssetRegistry#loadAssets(LoadRequest)}, and moves each out of the way with a note naming its run and its
 * report ({@code processed/assets.json} and {@code processed/assets.json.report}):
 * <ul>
 *     <li>a completed run, whatever it rejected: to {@code processed/};</li>
 *     <li>content that was already loaded completely: nothing is loaded, the file goes to {@code processed/} and the
 *     note names the earlier run;</li>
 *     <li>a failed run, or one over the reject budget: to {@code failed/}; put it back in the inbox to load it again
 *     (a failed run is then resumed, one over budget starts anew);</li>
 *     <li>a file no run could start for (unreadable, the registry busy past {@code registry.load.queue-wait}, the
 *     database down), or whose load failed because the service was stopping: left in the inbox for the next pass,
 *     which resumes the interrupted run.</li>
 * </ul>
 * Also the meter {@value #FILES}, the files waiting in the inbox, settled or not. Not safe for two passes at once
 * over one inbox: {@link InboxIngestionConfiguration} runs them one at a time, under a lock across instances.
 */
public class InboxIngester {

    /** The gauge of the files waiting in the inbox. */
    public static final String FILES = "registry.inbox.files";

    private static final Logger log = LoggerFactory.getLogger(InboxIngester.class);

    private final AssetRegistry registry;
    private final InboxFolder folder;
    private final InboxProperties properties;
    private final Clock clock;
    private volatile boolean stopping;

    InboxIngester(AssetRegistry registry, InboxProperties properties, MeterRegistry meters, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "The asset registry must not be null.");
        this.properties = Objects.requireNonNull(properties, "The inbox properties must not be null.");
        this.clock = Objects.requireNonNull(clock, "The clock must not be null.");
        this.folder = new InboxFolder(properties.inbox());
        Gauge.builder(FILES, folder, f -> f.waiting().size())
                .description("Files waiting in the inbox to be loaded").baseUnit("files")
                .strongReference(true).register(meters);
    }

    /**
     * Loads every settled file of the inbox, oldest first (by modification time, then name), and moves each as the
     * class says. Files that arrive meanwhile wait for the next pass.
     *
     * @return what became of each file, in the order they were taken
     */
    public List<InboxOutcome> tick() {
        List<Path> files = folder.settled(clock.instant(), properties.settleTime());
        List<InboxOutcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            if (stopping) {
                break;
            }
            InboxOutcome outcome = ingest(file);
            outcomes.add(outcome);
            log(outcome);
        }
        return outcomes;
    }

    /** Files waiting in the inbox, settled or not. */
    public int waitingFiles() {
        return folder.waiting().size();
    }

    /**
     * While stopping, a pass takes no file after the one being loaded, and leaves that one in the inbox if its load
     * fails.
     */
    void stopping(boolean stopping) {
        this.stopping = stopping;
    }

    private InboxOutcome ingest(Path file) {
        LoadSummary summary;
        try {
            summary = registry.loadAssets(LoadRequest.of(file));
        } catch (InputEncodingException e) { // no look will read it better: out of the way, with the reason
            return refused(file, "refused: " + e.getMessage());
        } catch (InputChangedException e) { // still being written, settled or not: the next pass takes it again
            return left(file, e.summary().map(LoadSummary::runId).orElse(null), e.getMessage());
        } catch (LoadException e) {
            if (stopping || e.summary().isEmpty()) {
                return left(file, e.summary().map(LoadSummary::runId).orElse(null), e.getMessage());
            }
            LoadSummary failed = e.summary().get();
            return move(file, InboxOutcome.Result.FAILED, failed.runId(),
                    "failed as run " + failed.runId() + ": " + e.getMessage(), failed.reportDir());
        } catch (RuntimeException e) { // the database or the environment, not the file
            log.debug("Inbox file {} could not be loaded", MessageText.printable(file.getFileName().toString()), e);
            return left(file, null, "cannot load: " + e);
        }
        if (summary.alreadyLoaded()) {
            return move(file, InboxOutcome.Result.SKIPPED, summary.runId(), "skipped: already loaded as run "
                    + summary.runId() + " (" + summary.file() + ") at " + summary.startedAt() + ": "
                    + summary.countsLine(), summary.reportDir());
        }
        return move(file, InboxOutcome.Result.LOADED, summary.runId(),
                "loaded as run " + summary.runId() + ": " + summary.countsLine(), summary.reportDir());
    }

    private InboxOutcome move(Path file, InboxOutcome.Result result, long runId, String message, Path reportDir) {
        String folderName = result == InboxOutcome.Result.FAILED ? InboxFolder.FAILED : InboxFolder.PROCESSED;
        String note = message + System.lineSeparator() + "report: " + reportDir.toAbsolutePath() + "/"
                + System.lineSeparator();
        return moveWithNote(file, result, runId, folderName, message, moved -> note);
    }

    /**
     * A file refused before any run started, moved to {@code failed/} with the reason as its note. The reason names
     * the file where it was, and its advice (gunzip it, convert it) is for the file where it is now: the note names
     * that place.
     */
    private InboxOutcome refused(Path file, String message) {
        return moveWithNote(file, InboxOutcome.Result.FAILED, null, InboxFolder.FAILED, message,
                moved -> message.replace(file.toString(), moved.toString()) + System.lineSeparator());
    }

    private InboxOutcome moveWithNote(Path file, InboxOutcome.Result result, Long runId, String folderName,
            String message, Function<Path, String> note) {
        Path moved;
        try {
            moved = folder.moveTo(folderName, file);
        } catch (IOException e) {
            folder.keepBack(file);
            return left(file, runId, message + "; cannot move it to " + folderName + "/: "
                    + FileFailures.describe(e) + "; it is passed over until it changes, or the server restarts");
        }
        try {
            InboxFolder.writeNote(moved, note.apply(moved));
        } catch (IOException e) { // a name at the file system's limit has no room for .report, say
            String noNote = "its note " + InboxFolder.noteOf(moved).getFileName() + " cannot be written: "
                    + FileFailures.reason(e);
            log.warn(MessageText.printable("Inbox file " + file.getFileName() + " moved to " + moved + ", but "
                    + noNote));
            message += "; " + noNote;
        }
        return new InboxOutcome(file, result, runId, moved, message);
    }

    private static InboxOutcome left(Path file, Long runId, String message) {
        return new InboxOutcome(file, InboxOutcome.Result.LEFT, runId, file, message);
    }

    /** Logs the outcome in one line, whatever the file's name holds: it can hold a line feed, to forge a line. */
    private static void log(InboxOutcome outcome) {
        String name = outcome.file().getFileName().toString();
        String line = outcome.result() == InboxOutcome.Result.LEFT
                ? "Inbox file " + name + " left in the inbox for the next pass: " + outcome.message()
                : "Inbox file " + name + " " + outcome.message() + "; moved to " + outcome.movedTo();
        switch (outcome.result()) {
            case LOADED, SKIPPED -> log.info(MessageText.printable(line));
            case FAILED, LEFT -> log.warn(MessageText.printable(line));
        }
    }

}
