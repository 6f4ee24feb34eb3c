package com.studio.assetregistry.ingest;

/**
 * Told how a load advances: once per committed chunk of records while the file is read, and once when the file has
 * been read and the load goes on to the cross-record rules and registration; and, before it starts, whether it waits
 * for another load to end, and what it did to others' runs and reports. Called in the thread that runs the load, so it
 * must be quick; it must not throw.
 */
@FunctionalInterface
public interface LoadProgressListener {

    /** A listener that ignores every report. */
    LoadProgressListener NONE = progress -> {
    };

    /** Takes one report of how far the load has come. */
    void progressed(LoadProgress progress);

    /**
     * Told, once, that the load waits for another run to end before it starts, in a sentence that names that run:
     * {@code Waiting for run 7 of night.json (process 4242@render3) to end before loading extra.json}.
     */
    default void waiting(String message) {
    }

    /**
     * Told of what the load did beside its records that its user should know, in a sentence: that it abandoned an
     * interrupted run, or moved an earlier report aside. The service logs the same as a WARN line.
     */
    default void warned(String message) {
    }
}
