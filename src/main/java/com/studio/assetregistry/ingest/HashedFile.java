package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * A run's file as it was when its SHA-256 was computed: its length and modification time, which it must still have
 * whenever the load reads it, since the run is known by that content. A negative {@code bytes}, a {@code null}
 * {@code modified}, checks nothing.
 */
record HashedFile(Path path, long bytes, FileTime modified) {

    /** Fails with {@link FileChangedException} if the file now has another length or modification time. */
    void checkUnchanged(String moment) {
        if (bytes >= 0) {
            long now;
            try {
                now = Files.size(path);
            } catch (IOException e) {
                throw new ItemStreamException("Cannot read " + path + "'s length " + moment + ": " + e.getMessage(), e);
            }
            checkLength(now, "now, " + moment);
        }
        checkModified(moment);
    }

    /** Fails with {@link FileChangedException} if {@code seen}, the length the load found, is not the hashed one. */
    void checkLength(long seen, String when) {
        if (bytes >= 0 && seen != bytes) {
            throw changed("it had " + bytes + " bytes when its SHA-256 was computed, and " + seen + " " + when);
        }
    }

    private void checkModified(String moment) {
        if (modified == null) {
            return;
        }
        FileTime now;
        try {
            now = Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new ItemStreamException("Cannot read " + path + "'s modification time " + moment + ": "
                    + e.getMessage(), e);
        }
        if (!now.equals(modified)) {
            throw changed("it was modified at " + now + ", after its SHA-256 was computed (of the file as modified at "
                    + modified + ")");
        }
    }

    private FileChangedException changed(String how) {
        return new FileChangedException(path + " changed while it was loaded: " + how + ". Is something still "
                + "writing it? Load it again once it is complete");
    }
}
