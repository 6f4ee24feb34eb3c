package com.studio.assetregistry.ingest;

/**
 * Told how a load advances: once per committed chunk of records while the file is read, and once when the file has
 * been read and the load goes on to the cross-record rules and registration. Called in the thread that runs the
 * load, so it must be quick; it must not throw.
 */
@FunctionalInterface
public interface LoadProgressListener {

    /** A listener that ignores every report. */
    LoadProgressListener NONE = progress -> {
    };

    /** Takes one report of how far the load has come. */
    void progressed(LoadProgress progress);
}
