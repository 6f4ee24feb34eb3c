package com.studio.assetregistry.ingest;

/**
 * How far a load run has gone, as its job last committed it: the reader's byte offset and record count at its last
 * chunk commit, and the step it is in. Read back from the database ({@link RunProgressReader}), so any process can ask
 * about a load any other process runs; the JSON shape of a run's progress in the REST API. The live events a load
 * hands its own caller as it runs are {@link LoadProgress}.
 *
 * @param phase       {@code reading} (records are read, checked and staged, chunk by chunk), {@code resolving} (the
 *                    cross-record rules and the registration, one transaction), {@code reporting} (the report files),
 *                    or {@code finished}; {@code starting} before the first step began; {@code stopped} for a run
 *                    that ended without completing (failed, abandoned, or its process gone), where its last commit
 *                    left it
 * @param bytesRead   bytes of the file read up to the last chunk commit
 * @param fileSize    the file's size in bytes
 * @param recordsRead records read up to the last chunk commit
 * @param fraction    {@code bytesRead / fileSize}, from 0 to 1, to four decimals; 1 once reading is over
 */
public record RunProgress(String phase, long bytesRead, long fileSize, long recordsRead, double fraction) {

    static RunProgress of(String phase, long bytesRead, long fileSize, long recordsRead) {
        boolean readAll = phase.equals("resolving") || phase.equals("reporting") || phase.equals("finished");
        long bytes = readAll ? fileSize : Math.min(bytesRead, fileSize);
        double fraction = readAll || fileSize == 0 ? (readAll ? 1 : 0)
                : Math.floor(bytes * 10_000.0 / fileSize) / 10_000.0;
        return new RunProgress(phase, bytes, fileSize, recordsRead, fraction);
    }
}
