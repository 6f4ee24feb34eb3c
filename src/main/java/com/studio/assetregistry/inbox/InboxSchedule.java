package com.studio.assetregistry.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs {@link InboxIngester#tick()} on the cron schedule of {@code registry.ingest.schedule}, on a thread of its own,
 * each pass under the database lock {@value #LOCK}: an instance whose turn comes while another holds it skips that
 * turn. A pass never overlaps the previous one of its instance (the next is scheduled when one ends), and the lock
 * is extended while a long load runs, so it outlives a dead instance by at most {@code lock-at-most-for}.
 * <p>
 * Started and stopped with the application context. On stop no new pass starts and the running one takes no further
 * file; the load under way is not interrupted, and if the application's end breaks it, its file stays in the inbox
 * and its run is resumed by the next pass after a restart.
 */
final class InboxSchedule implements SmartLifecycle {

    /** The name of the inbox's row in the lock table. */
    static final String LOCK = "registry-inbox";

    private static final Logger log = LoggerFactory.getLogger(InboxSchedule.class);

    private final InboxIngester ingester;
    private final InboxProperties properties;
    private final ExtensibleLockProvider databaseLock;
    private final Clock clock;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> passes;

    InboxSchedule(InboxIngester ingester, InboxProperties properties, ExtensibleLockProvider databaseLock,
                  Clock clock) {
        this.ingester = Objects.requireNonNull(ingester, "The inbox ingester must not be null.");
        this.properties = Objects.requireNonNull(properties, "The inbox properties must not be null.");
        this.databaseLock = Objects.requireNonNull(databaseLock, "The lock provider must not be null.");
        this.clock = Objects.requireNonNull(clock, "The clock must not be null.");
        if (!properties.scheduled()) {
            throw new IllegalArgumentException("The inbox has no schedule: set registry.ingest.schedule.");
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        ingester.stopping(false);
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2); // the passes, and the lock's keep-alive beside a long one
        scheduler.setThreadNamePrefix("inbox-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(true); // shutdown() rather than interrupting the load,
        scheduler.setAwaitTerminationSeconds(30); // and waits for it, before the database closes; else it resumes
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.initialize();
        LockingTaskExecutor locking = new DefaultLockingTaskExecutor(
                new KeepAliveLockProvider(databaseLock, scheduler.getScheduledExecutor()));
        passes = scheduler.schedule(() -> pass(locking), new CronTrigger(properties.schedule(), clock.getZone()));
        log.info("Inbox {} is ingested on the schedule \"{}\"", properties.inbox().toAbsolutePath(),
                properties.schedule());
    }

    private void pass(LockingTaskExecutor locking) {
        try {
            locking.executeWithLock((Runnable) ingester::tick,
                    new LockConfiguration(clock.instant(), LOCK, properties.lockAtMostFor(), Duration.ZERO));
        } catch (RuntimeException e) { // the next pass tries again; a failed load has already been dealt with
            log.error("The pass over the inbox {} failed: {}", properties.inbox(), e.toString(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        ingester.stopping(true);
        passes.cancel(false);
        scheduler.shutdown();
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
