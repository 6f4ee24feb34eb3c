package com.studio.assetregistry.ingest;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How loads run, under {@code registry.load}.
 *
 * @param reportsDir where each run's report directory is created ({@code reports} by default)
 * @param chunkSize  records per transaction while reading (10,000 by default): the largest single factor of a load's
 *                   speed, bounded by the memory one chunk takes
 * @param queueWait  how long a load waits for another one running in the same registry to end before it gives up
 *                   (1 hour by default; 0 gives up at once)
 */
@ConfigurationProperties("registry.load")
public record LoadProperties(Path reportsDir, Integer chunkSize, Duration queueWait) {

    public LoadProperties {
        reportsDir = reportsDir == null ? Path.of("reports") : reportsDir;
        chunkSize = chunkSize == null ? 10_000 : chunkSize;
        queueWait = queueWait == null ? Duration.ofHours(1) : queueWait;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("registry.load.chunk-size must be 1 or more, got " + chunkSize);
        }
    }

    /** The report directory of a run. */
    public Path reportDir(long runId) {
        return reportsDir.resolve(Long.toString(runId));
    }
}
