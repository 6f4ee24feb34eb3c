package com.studio.assetregistry.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How far a load has come, as the load hands it to its caller's {@link LoadProgressListener} while it runs, in the
 * same process (the command line's progress bar); what any process reads of a run from the database is
 * {@link RunProgress}. A resumed load starts where its last commit left it: {@code startBytes} and
 * {@code startRecords} say where, so that speeds and the time remaining count only this run's work.
 *
 * @param file         the file being loaded, as an absolute path
 * @param phase        reading the file, resolving once it is read, or reporting once its outcome is committed
 * @param fileSize     the file's size in bytes
 * @param bytesRead    bytes of the file read so far
 * @param records      records read so far, from the start of the file
 * @param rejected     records rejected so far by the record rules, from the start of the file; the cross-record
 *                     rules add theirs once the file is read
 * @param startBytes   where this run started reading: 0, or the offset a resumed run seeked to
 * @param startRecords records read before this run started: 0, or those of the run it resumes
 * @param elapsed      time since this run started reading
 */
public record LoadProgress(Path file, Phase phase, long fileSize, long bytesRead, long records, long rejected,
                           long startBytes, long startRecords, Duration elapsed) {

    /** What the load is doing. */
    public enum Phase {
        /** Streaming the file through the record rules. */
        READING,
        /** The file is read: applying the cross-record rules and registering, which reports no progress of its own. */
        RESOLVING,
        /**
         * Every record is judged and the outcome committed (registered, or for a dry run known): writing the report.
         * A load stopped now keeps what it registered; loading the file again only writes the report.
         */
        REPORTING
    }

    /** The share of the file read, from 0 to 1; 1 for an empty file. */
    public double fraction() {
        return fileSize <= 0 ? 1 : Math.min(1, (double) bytesRead / fileSize);
    }

    /** Records read per second by this run. */
    public double recordsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (records - startRecords) / seconds;
    }

    /** The time left to read the rest of the file at this run's pace so far; empty until it has read something. */
    public Optional<Duration> remaining() {
        long done = bytesRead - startBytes;
        if (done <= 0 || elapsed.isZero()) {
            return Optional.empty();
        }
        double nanosPerByte = (double) elapsed.toNanos() / done;
        return Optional.of(Duration.ofNanos((long) (nanosPerByte * Math.max(0, fileSize - bytesRead))));
    }
}
