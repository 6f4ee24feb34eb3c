package com.studio.assetregistry.ingest;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.storage.LoadInProgressException;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RunStatus;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's one pending load, as this process takes it: which runs are loading (here, or in a live process
 * elsewhere), waiting for them to end, abandoning those that died, and claiming the registry for a run. Loads into
 * one registry queue, whichever process or host runs them. Thread-safe.
 */
final class RegistryClaim {

    /** The time in the name of an earlier report set aside: UTC, to the millisecond, sortable. */
    private static final DateTimeFormatter EARLIER =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(RegistryClaim.class);
    private static final Duration QUEUE_POLL = Duration.ofMillis(500);
    static final String OWNER = RunOwner.CURRENT;

    private final LoadStore store;
    private final LoadProperties properties;
    /** The digest of the rules this process judges by, and of its reader's limits. */
    private final String rules;
    /** The runs this process is loading now: a run of the same content is not resumed beside its live self. */
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();

    RegistryClaim(LoadStore store, LoadProperties properties, String rules) {
        this.store = store;
        this.properties = properties;
        this.rules = rules;
    }

    /** The runs this process is loading now, as the set changes. */
    Set<Long> runningHere() {
        return Collections.unmodifiableSet(runningHere);
    }

    /** This process no longer loads the run, which it claimed. */
    void released(long runId) {
        runningHere.remove(runId);
    }

    /**
     * Whether a pending run is loading still: its status says so and its process is alive, and if that process is
     * this one, it is loading the run now. A run that failed is not, though its process may live on (serve, or a
     * command loading several files): it would otherwise hold the registry until that process ends. Nor is a run of
     * this process that it no longer loads, though the run still says RUNNING: a failure whose record failed too (a
     * full disk) leaves it so.
     */
    boolean isLoading(LoadRun run) {
        if (run.status() != RunStatus.RUNNING || run.owner() == null) {
            return false;
        }
        return run.owner().equals(OWNER) ? runningHere.contains(run.id()) : RunOwner.isAlive(run);
    }

    /**
     * The unfinished run of the same content and kind, once it is not loading: the same content loading, in this
     * process (the inbox and the API, say) or another, is waited for, and is then a no-op or resumed; loads of one
     * content queue as loads of other contents do.
     */
    Optional<LoadRun> awaitSameContent(String kind, String sha256, Wait wait) {
        Optional<LoadRun> unfinished = store.findUnfinishedRun(kind, sha256);
        while (unfinished.isPresent() && isLoading(unfinished.get())) {
            LoadRun running = unfinished.get();
            wait.pauseFor("run " + running.id() + " of the same content (" + running.source() + ", "
                    + (OWNER.equals(running.owner()) ? "in this process" : "process " + running.owner()) + ")",
                    running.id());
            unfinished = store.findUnfinishedRun(kind, sha256);
        }
        return unfinished;
    }

    /**
     * Whether an unfinished run was judged under other rules than this process's, and has not registered yet: resumed,
     * it would judge its records by two sets of rules. One whose registration has committed (only its report is left
     * to write) is resumed whatever the rules: its judgement is done.
     */
    boolean judgedUnderOtherRules(LoadRun unfinished) {
        return unfinished.rules() != null && !unfinished.rules().equals(rules)
                && store.findPendingLoad(0).filter(pending -> pending.id() == unfinished.id()).isPresent();
    }

    /** Abandons an unfinished run judged under other rules, so that its content loads anew under these. */
    void giveUpForOtherRules(LoadRun unfinished, LoadRequest request) {
        Path file = request.file();
        refuseIfAlive(unfinished, file);
        if (!store.abandonRun(unfinished)) {
            throw new RegistryBusyException("Run " + unfinished.id() + " of " + file + " was resumed by another"
                    + " process as this one started; wait for it to end", unfinished.id());
        }
        tellWarning(request, "Run " + unfinished.id() + " of " + unfinished.source() + " was judged under other"
                + " rules (the rules file changed since it started): it is abandoned, and " + file + " loads anew"
                + " under these");
    }

    /** Refuses to take over an unfinished run whose process still runs it, on this host or another. */
    void refuseIfAlive(LoadRun unfinished, Path file) {
        String owner = unfinished.owner();
        if (unfinished.status() == RunStatus.RUNNING && owner != null && !owner.equals(OWNER)
                && RunOwner.isAlive(unfinished)) {
            throw new RegistryBusyException("Run " + unfinished.id() + " of " + unfinished.source() + ", the same"
                    + " content as " + file + ", is still running (process "
                    + owner + (RunOwner.elsewhere(owner) ? ", on another host: presumed gone once silent for "
                    + RunOwner.SILENCE.toMinutes() + " minutes" : "") + "); wait for it to end", unfinished.id());
        }
    }

    /**
     * Makes the run the registry's one pending load, and returns its id. A new run is recorded ({@code start}) once
     * the registry is free, so that a load refused at once leaves no run behind. A load of other content that died
     * unfinished is abandoned first, and its id added to {@code abandoned}: its pending registrations are removed,
     * and loading its content again starts anew; but not by a dry run, which is refused instead, so that trying a
     * file never costs an interrupted load its progress. A live one is waited for, as long as {@code wait} allows.
     */
    long claim(LoadRequest request, Optional<Long> resumed, String sha256, Wait wait, LongSupplier start,
               List<Long> abandoned) {
        Long runId = resumed.orElse(null);
        try {
            while (true) {
                Optional<LoadRun> other = store.findPendingLoad(runId == null ? 0 : runId);
                if (other.isPresent() && !isLoading(other.get())) {
                    abandonDead(other.get(), request, abandoned);
                    continue;
                }
                if (other.isEmpty()) {
                    if (runId == null) {
                        runId = start.getAsLong();
                    }
                    // before the claim: a thread of this process that sees the run claimed must see it loading here
                    runningHere.add(runId);
                    try {
                        claimFree(runId, request, resumed.isPresent(), sha256);
                        return runId;
                    } catch (LoadInProgressException e) { // another load claimed the registry in between
                        other = store.findRun(e.pendingRunId());
                    }
                }
                try {
                    wait.pauseFor(other.map(r -> "run " + r.id() + " of " + r.source() + " (process " + r.owner()
                            + ")").orElse("another run"), other.map(LoadRun::id).orElse(0L));
                } catch (RegistryBusyException e) {
                    if (runId != null && resumed.isEmpty()) { // recorded, then beaten to the registry: it never ran
                        store.finishRun(runId, RunStatus.FAILED, Instant.now(), 0, sha256, null);
                    }
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            if (runId != null) {
                runningHere.remove(runId);
            }
            throw e;
        }
    }

    /** Abandons a pending load whose process died, unless a dry run asks: a dry run does not give a load up. */
    private void abandonDead(LoadRun other, LoadRequest request, List<Long> abandoned) {
        if (request.dryRun() && !other.dryRun()) {
            throw new InterruptedLoadException("Cannot dry-run " + request.source() + ": run " + other.id() + ", an"
                    + " interrupted load of " + other.source() + ", holds the registry, and a dry run does not give a"
                    + " load up; load that content again to resume it, or load other content to abandon it",
                    other.id());
        }
        if (store.abandonRun(other)) { // unless another process resumed it meanwhile
            tellWarning(request, "Run " + other.id() + " of " + other.source() + " ended unfinished and is"
                    + " abandoned: its pending versions are removed; load it again to load it anew");
            abandoned.add(other.id());
        }
    }

    /** Claims the free registry for the run, and gives a new run a report directory of its own. */
    private void claimFree(long runId, LoadRequest request, boolean resumed, String sha256) {
        if (!store.claimRun(runId, sha256, OWNER, rules)) {
            throw new RegistryBusyException("Cannot resume run " + runId + " of " + request.file() + ": another"
                    + " load gave it up as it started; load the file again to load it anew", runId);
        }
        if (!resumed) { // once claimed: a run beaten to the registry leaves no directory
            setAsideEarlierReport(runId, request);
            // where its report goes, whichever process ends it: a load that abandons it writes it there
            store.recordReportDir(runId, properties.reportDir(runId).toAbsolutePath().toString());
        }
    }

    /**
     * Makes a new run's report directory its own from the start, so that no report is ever written over: run ids are
     * the registry's own, so a directory already there holds the report of another registry that shares the reports
     * directory, or of this one before its file was replaced (a new file numbers its runs from 1 again). That one is
     * moved aside, to {@code N.earlier-<UTC time>} beside it, and the directory made again. A file in its place is
     * left to the report's writer, which names it. A run whose directory cannot be made its own fails before it
     * starts, and a load of the same content resumes it.
     */
    private void setAsideEarlierReport(long runId, LoadRequest request) {
        Path dir = properties.reportDir(runId);
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    Files.createDirectories(dir.getParent());
                    Files.createDirectory(dir);
                    return;
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || attempt == 2) {
                        return; // not a directory; or made and moved by another registry as fast: it writes there
                    }
                    Path aside = dir.resolveSibling(dir.getFileName() + ".earlier-" + EARLIER.format(Instant.now()));
                    Files.move(dir, aside);
                    tellWarning(request, "The report directory " + dir + " held an earlier report, of another"
                            + " registry or of one whose file was replaced: moved to " + aside);
                }
            }
        } catch (IOException e) {
            store.finishRun(runId, RunStatus.FAILED, Instant.now(), 0, null, null);
            throw new LoadException("Cannot load " + request.source() + ": the report directory " + dir + " cannot be"
                    + " made this run's own: " + FileFailures.reason(e), null, e);
        }
    }

    /** Says in the log, and to the request's listener (the command line prints it), what the load did to others'. */
    static void tellWarning(LoadRequest request, String message) {
        log.warn(message);
        request.progress().warned(message);
    }

    /**
     * A load's wait for the registry, up to a time: it says once for each run it waits for that it waits, in the log
     * and to the request's listener (the command line prints it), and then polls.
     */
    static final class Wait {

        private final LoadRequest request;
        private final Instant giveUp;
        private String toldOf;

        Wait(LoadRequest request, Duration queueWait) {
            this.request = request;
            this.giveUp = Instant.now().plus(queueWait);
        }

        /** Waits a poll's time longer for {@code holder} to end, or refuses the load once the wait is over. */
        void pauseFor(String holder, long holderRunId) {
            if (!Instant.now().isBefore(giveUp)) {
                throw new RegistryBusyException("Cannot load " + request.file() + ": " + holder + " is loading into"
                        + " this registry; wait for it to end", holderRunId);
            }
            if (!holder.equals(toldOf)) {
                String message = "Waiting for " + holder + " to end before loading " + request.file();
                log.warn(message);
                request.progress().waiting(message);
                toldOf = holder;
            }
            try {
                Thread.sleep(QUEUE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException("Interrupted while waiting for another load to end", null, e);
            }
        }
    }
}
