package com.studio.assetregistry.cli;

import com.studio.assetregistry.ingest.LoadProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress as a plain line on standard error at most once per interval, for logs where a bar would be noise:
 * {@code loading big.jsonl: 41% (412,000 records, 95,000/s, 12 rejected, ETA 12.3 s)}. A load shorter than the
 * interval prints nothing.
 */
final class ProgressLogDisplay implements ProgressDisplay {

    private final String label;
    private final PrintWriter err;
    private final long intervalNanos;
    private long lastLine = System.nanoTime();
    private boolean printed;

    ProgressLogDisplay(String label, PrintWriter err, Duration interval) {
        this.label = label;
        this.err = err;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void progressed(LoadProgress progress) {
        if (progress.phase() == LoadProgress.Phase.REPORTING) {
            return; // the summary line follows
        }
        long now = System.nanoTime();
        boolean resolving = progress.phase() == LoadProgress.Phase.RESOLVING;
        if (now - lastLine < intervalNanos && !(resolving && printed)) {
            return;
        }
        lastLine = now;
        printed = true;
        if (resolving) {
            err.println("loading " + label + ": " + ProgressDisplay.resolving(progress));
        } else {
            String eta = progress.remaining().filter(left -> !left.isZero())
                    .map(left -> ", ETA " + HumanFormat.duration(left.toMillis())).orElse("");
            err.println(String.format(Locale.ROOT, "loading %s: %.0f%% (%s%s)", label, progress.fraction() * 100,
                    ProgressDisplay.records(progress), eta));
        }
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
    }
}
