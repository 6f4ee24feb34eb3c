package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Progress as a live bar on standard error, drawn by the progressbar library: bytes read of the file's size, with
 * records, records per second and rejects so far, and the time left. The bar appears with the first report and is
 * redrawn in place by the library's own thread until the load ends.
 */
final class ProgressBarDisplay implements ProgressDisplay {

    private static final long MIB = 1L << 20;

    private final String label;
    private final PrintWriter err;
    private ProgressBar bar;
    private volatile LoadProgress latest;
    private final WriterConsumer consumer;

    ProgressBarDisplay(String label, PrintWriter err) {
        this.label = label;
        this.err = err;
        this.consumer = new WriterConsumer(err);
    }

    @Override
    public void progressed(LoadProgress progress) {
        if (progress.phase() == LoadProgress.Phase.REPORTING) {
            return; // the bar ends where resolving left it; the summary line follows
        }
        latest = progress;
        if (bar == null) {
            bar = start(progress);
        }
        if (progress.phase() == LoadProgress.Phase.RESOLVING) {
            bar.stepTo(bar.getMax());
            bar.setExtraMessage(ProgressDisplay.resolving(progress));
        } else {
            bar.stepTo(progress.bytesRead());
            bar.setExtraMessage(ProgressDisplay.records(progress));
        }
    }

    private ProgressBar start(LoadProgress progress) {
        boolean large = progress.fileSize() >= 10 * MIB;
        return new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(Math.max(1, progress.fileSize()))
                .setUnit(large ? " MiB" : " KiB", large ? MIB : 1024)
                .startsFrom(progress.startBytes(), Duration.ZERO) // a resumed load: its time left counts this run
                .setEtaFunction(state -> latest.remaining()) // from the load's own pace, whose start it knows
                .setUpdateIntervalMillis(250)
                .setConsumer(consumer)
                .build();
    }

    @Override
    public boolean drawing() {
        return bar != null;
    }

    @Override
    public void silence() {
        consumer.silence();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /**
     * Draws the bar on the command's standard error, which is the process's own unless a test captures it, as wide
     * as the terminal is now. The terminal is measured through a JLine terminal of its own, made without native
     * signals: the library's own (its {@code ConsoleProgressBarConsumer}) put the operating system's handler on
     * SIGINT in place of the JVM's, and a Ctrl-C killed the process at once, without the shutdown hook that says the
     * load was interrupted and how to resume it.
     */
    private static final class WriterConsumer implements ProgressBarConsumer {

        /** The width of a terminal that cannot say its own, as the library has it. */
        private static final int DEFAULT_WIDTH = 80;

        private final PrintWriter err;
        private Terminal terminal;
        private boolean silenced; // guarded by err

        WriterConsumer(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized int getMaxRenderedLength() {
            try {
                if (terminal == null) {
                    terminal = TerminalBuilder.builder().system(true).dumb(true).nativeSignals(false).build();
                }
                int width = terminal.getWidth();
                return width > 0 ? width : DEFAULT_WIDTH;
            } catch (IOException | RuntimeException e) { // no terminal to ask: the bar as wide as the library's default
                return DEFAULT_WIDTH;
            }
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) { // a line printed once silenced stays the last
                if (!silenced) {
                    err.print('\r' + rendered);
                    err.flush();
                }
            }
        }

        void silence() {
            synchronized (err) {
                silenced = true;
            }
        }

        @Override
        public synchronized void close() {
            err.println();
            err.flush();
            if (terminal != null) {
                try {
                    terminal.close();
                } catch (IOException e) {
                    // nothing to undo: it was only asked its width
                }
                terminal = null;
            }
        }
    }
}
