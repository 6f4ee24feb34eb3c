package com.studio.assetregistry.inbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;

/**
 * The scheduled ingestion of an inbox, under {@code registry.ingest}.
 *
 * @param schedule      when to look at the inbox: a Spring cron expression of six fields, seconds first
 *                      ({@code 0 30 2 * * *} is 02:30 every night), in the service's time zone; none (the default),
 *                      blank or {@code -} leaves the ingestion off
 * @param inbox         the folder whose {@code *.json} and {@code *.jsonl} files are loaded ({@code inbox} by
 *                      default); their outcomes go to its subfolders {@code processed/} and {@code failed/}
 * @param settleTime    how long a file must have been left unmodified before it is taken, so that a file still being
 *                      written is not (1 minute by default)
 * @param lockAtMostFor how long the inbox lock outlives an instance that died holding it (10 minutes by default, 30
 *                      seconds at least); a live instance keeps extending it while it loads, however long that takes
 */
@ConfigurationProperties("registry.ingest")
public record InboxProperties(String schedule, Path inbox, Duration settleTime, Duration lockAtMostFor) {

    private static final Duration SHORTEST_LOCK = Duration.ofSeconds(30);

    public InboxProperties {
        schedule = schedule == null || schedule.isBlank() || schedule.strip().equals("-") ? null : schedule.strip();
        inbox = inbox == null ? Path.of("inbox") : inbox;
        settleTime = settleTime == null ? Duration.ofMinutes(1) : settleTime;
        lockAtMostFor = lockAtMostFor == null ? Duration.ofMinutes(10) : lockAtMostFor;
        if (schedule != null && !CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("registry.ingest.schedule must be a cron expression of six fields, "
                    + "seconds first (0 30 2 * * * is 02:30 every night), not \"" + schedule + "\"");
        }
        if (settleTime.isNegative()) {
            throw new IllegalArgumentException("registry.ingest.settle-time must not be negative, got " + settleTime);
        }
        if (lockAtMostFor.compareTo(SHORTEST_LOCK) < 0) {
            throw new IllegalArgumentException("registry.ingest.lock-at-most-for must be 30 seconds or more, got "
                    + lockAtMostFor);
        }
    }

    /** Whether a schedule is set, which switches the ingestion on. */
    public boolean scheduled() {
        return schedule != null;
    }
}
