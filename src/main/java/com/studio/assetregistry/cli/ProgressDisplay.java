package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadProgress;
import com.studio.assetregistry.ingest.LoadProgressListener;
import com.studio.assetregistry.validation.MessageText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * How a load's progress is shown on standard error, never on standard output, which carries the summary lines: a live
 * bar on a terminal, a plain line every few seconds elsewhere (cron, CI, a pipe), or nothing. Closed when its load
 * ends.
 */
interface ProgressDisplay extends LoadProgressListener, AutoCloseable {

    /** A display that shows nothing. */
    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void progressed(LoadProgress progress) {
        }

        @Override
        public void close() {
        }
    };

    /** Ends the display: a bar is completed with a line end. */
    @Override
    void close();

    /** Draws nothing more: the process is ending, and its last line must stay its last. */
    default void silence() {
    }

    /** Whether it holds a line of standard error open (a bar being drawn), which a line printed meanwhile must end. */
    default boolean drawing() {
        return false;
    }

    /** How the {@code --progress} option can show progress. */
    enum Mode {
        AUTO, BAR, LOG, NONE;

        static Mode of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The display a mode asks for, writing to {@code err}; {@code AUTO} is a bar when the command runs on a terminal
     * (the JVM has a console: standard input and output are a terminal), and log lines otherwise.
     *
     * @param file     the file loaded, as the user gave it: log lines name it so, a bar by its name alone, which
     *                 leaves the bar room on the line
     * @param interval the least time between two log lines
     */
    static ProgressDisplay of(Mode mode, Path file, PrintWriter err, Duration interval) {
        Mode chosen = mode == Mode.AUTO ? (System.console() != null ? Mode.BAR : Mode.LOG) : mode;
        return switch (chosen) {
            case BAR -> new ProgressBarDisplay(MessageText.printable(String.valueOf(file.getFileName())), err);
            case LOG -> new ProgressLogDisplay(MessageText.printable(file.toString()), err, interval);
            default -> NONE;
        };
    }

    /** {@code 412,000 records, 95,000/s, 12 rejected}: what both displays say of the records. */
    static String records(LoadProgress progress) {
        return String.format(Locale.ROOT, "%,d %s, %,.0f/s, %,d rejected", progress.records(),
                recordNoun(progress.records()), progress.recordsPerSecond(), progress.rejected());
    }

    /** What both displays say once the file is read and the load goes on without further progress to show. */
    static String resolving(LoadProgress progress) {
        return String.format(Locale.ROOT, "read all %,d %s (%,d rejected); checking them against the registry",
                progress.records(), recordNoun(progress.records()), progress.rejected());
    }

    private static String recordNoun(long count) {
        return count == 1 ? "record" : "records";
    }
}
