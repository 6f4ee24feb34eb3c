package com.studio.assetregistry.web;

import com.studio.assetregistry.ingest.AssetLoader.PreparedLoad;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.RegistryBusyException;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.storage.RunStatus;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * Runs the loads posted to the API, one at a time, in a background thread: the upload is streamed to a spool file,
 * the run recorded (so its id can be answered at once), then loaded by the same job as the command line's, and the
 * spool file deleted. The load goes the command line's way ({@link AssetRegistry#prepareLoad}): it resumes an
 * unfinished run of the same content, and content already loaded is not loaded again unless forced. A load posted
 * while one is under way is refused, not queued: one this server runs ({@link LoadBusyException}), or one another
 * process runs in the same registry ({@link RegistryBusyException}, which the command line would wait for). A queue
 * would hold gigabytes of spool files and keep a request waiting without saying for what.
 * <p>
 * The failure message of a load that failed is kept in memory for {@code GET /runs/{id}}. Thread-safe.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LoadLauncher {

    private static final Logger log = LoggerFactory.getLogger(LoadLauncher.class);
    private static final long FINISHING_WAIT_NANOS = 5_000_000_000L;
    private static final int KEPT_FAILURES = 100;
    private static final long STOP_WAIT_SECONDS = 30;

    /** The load under way: {@code 0} while it is being received, then its run id; {@code null} when idle. */
    private final AtomicReference<Long> current = new AtomicReference<>();
    /** The failure messages of the most recent failed loads, the oldest forgotten first. */
    private final Map<Long, String> failures = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > KEPT_FAILURES;
        }
    });
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "api-load");
        thread.setDaemon(false);
        return thread;
    });
    private final AssetRegistry registry;
    private final SpoolDirectory spoolDirectory;

    LoadLauncher(AssetRegistry registry, SpoolDirectory spoolDirectory) {
        this.registry = registry;
        this.spoolDirectory = spoolDirectory;
    }

    /** A body to spool: the request's, or an uploaded part's. */
    interface Upload {
        /** Writes the upload to {@code spool}; the limit applies as it is read. */
        void spoolTo(Path spool) throws IOException;
    }

    /** An upload read from a stream. */
    static Upload of(InputStream in) {
        return spool -> Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Spools the upload, records its run and starts it in the background.
     *
     * @param source what the run's source says
     * @param force  load content already loaded again
     * @param dryRun judge and report, register nothing
     * @return the load: running, or a no-op naming the earlier load of the same content
     * @throws LoadBusyException     if a load this server runs is under way
     * @throws RegistryBusyException if another process is loading into the registry
     * @throws IOException           if the upload cannot be read or spooled (too large included)
     */
    PreparedLoad start(Upload upload, String source, boolean force, boolean dryRun) throws IOException {
        claimSlot();
        Path spool = null;
        try {
            spool = spoolDirectory.newFile();
            upload.spoolTo(spool);
            PreparedLoad load = registry.prepareLoad(LoadRequest.of(spool).withSource(source).withForce(force)
                    .withDryRun(dryRun));
            if (load.alreadyLoaded() != null) {
                current.set(null);
                deleteQuietly(spool);
                return load;
            }
            current.set(load.runId());
            Path file = spool;
            executor.execute(() -> run(load, file, source));
            return load;
        } catch (IOException | RuntimeException | Error e) {
            current.set(null);
            deleteQuietly(spool);
            throw e;
        }
    }

    /**
     * Takes the one load slot, or throws naming the load that holds it. A load whose run the store already shows
     * ended is finishing in its thread (the status commits before the job returns): that one is waited for, briefly,
     * so that a client that polled a load to its end can post the next one at once.
     */
    private void claimSlot() {
        long deadline = System.nanoTime() + FINISHING_WAIT_NANOS;
        while (!current.compareAndSet(null, 0L)) {
            Long running = current.get();
            // a run whose record is gone (removed under it) ends its thread at once too
            boolean finishing = running != null && running > 0 && registry.getRun(running)
                    .map(run -> !RunStatus.RUNNING.name().equals(run.status())).orElse(true);
            if (!finishing || System.nanoTime() > deadline) {
                throw new LoadBusyException(running);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadBusyException(running);
            }
        }
    }

    private void run(PreparedLoad load, Path spool, String source) {
        try {
            registry.runLoad(load);
        } catch (RuntimeException e) {
            // the messages name the file loaded: the client knows it by its source, not by the server's spool path
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replace(spool.toAbsolutePath().normalize().toString(), source)
                            .replace(spool.toString(), source);
            failures.put(load.runId(), message);
            if (e instanceof LoadException) { // the load's own account of its failure, complete in one line
                log.warn("Load run {} failed: {}", load.runId(), message);
            } else { // not the load's account: a fault, whose trace is wanted
                log.error("Load run {} failed: {}", load.runId(), message, e);
            }
        } finally {
            deleteQuietly(spool);
            current.set(null);
        }
    }

    /**
     * Waits, up to a few seconds, for this server's thread of a run whose end the store shows to be done: the run's
     * status commits before its job returns, and its failure is known only once the job has returned.
     */
    void awaitDone(long runId) {
        long deadline = System.nanoTime() + FINISHING_WAIT_NANOS;
        while (Long.valueOf(runId).equals(current.get()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Why a load this server ran failed, if it did. */
    Optional<String> failure(long runId) {
        return Optional.ofNullable(failures.get(runId));
    }

    /**
     * Waits up to 30 s for the running load, if any, to end, before the database closes under it; a load still running
     * then stops with the JVM, and resumes when its content is loaded again.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            log.warn("Load run {} is still running as the server stops; load the same file again to resume it",
                    current.get());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the spool file {}: {}", file, e.getMessage());
        }
    }

    /** A load is under way: the API loads one file at a time. */
    static class LoadBusyException extends RuntimeException {

        private final long runId;

        LoadBusyException(Long runId) {
            super(runId == null || runId == 0 ? "another load is being received; post this one when it has ended"
                    : "run " + runId + " is loading; post this load when it has ended (GET /runs/" + runId + ")");
            this.runId = runId == null ? 0 : runId;
        }

        /** The running load's run id, or 0 while it is still being received. */
        long runId() {
            return runId;
        }
    }
}
