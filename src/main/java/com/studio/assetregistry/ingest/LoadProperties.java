package com.studio.assetregistry.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How loads run, under {@code registry.load}.
 *
 * @param reportsDir where each run's report directory is created ({@code reports} by default)
 * @param chunkSize  records per transaction while reading (10,000 by default): the largest single factor of a load's
 *                   speed, bounded by the memory one chunk takes
 */
@ConfigurationProperties("registry.load")
public record LoadProperties(Path reportsDir, Integer chunkSize) {

    public LoadProperties {
        reportsDir = reportsDir == null ? Path.of("reports") : reportsDir;
        chunkSize = chunkSize == null ? 10_000 : chunkSize;
        if (chunkSize < 1) {
            throw new IllegalArgumentException("registry.load.chunk-size must be 1 or more, got " + chunkSize);
        }
    }

    /** The report directory of a run. */
    public Path reportDir(long runId) {
        return reportsDir.resolve(Long.toString(runId));
    }
}
