package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.LoadStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, every {@link RunOwner#HEARTBEAT}, that this process still runs the runs it is running, so that a process on
 * another host can tell a live run from an orphaned one ({@link RunOwner#isAlive}). On a thread of its own, a daemon:
 * it never keeps a process from ending. A beat that fails (the database busy beyond its wait) is tried again at the
 * next one. Thread-safe.
 */
final class RunHeartbeat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunHeartbeat.class);

    private final LoadStore store;
    private final String owner;
    private final Set<Long> running;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /** Beats for {@code running}, the set of runs this process runs, as it changes. */
    RunHeartbeat(LoadStore store, String owner, Set<Long> running) {
        this.store = store;
        this.owner = owner;
        this.running = running;
        long every = RunOwner.HEARTBEAT.toMillis();
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        List<Long> runs = List.copyOf(running);
        if (runs.isEmpty()) {
            return;
        }
        try {
            store.beat(runs, owner, Instant.now());
        } catch (RuntimeException e) { // the next beat tries again; only a silence of minutes counts
            log.debug("The heartbeat of runs {} failed: {}", runs, e.toString());
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
    }
}
