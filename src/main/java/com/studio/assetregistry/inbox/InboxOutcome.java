package com.studio.assetregistry.inbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one pass over the inbox did with one file.
 *
 * @param file    the file as it was found in the inbox
 * @param result  what became of it
 * @param runId   the run that loaded it, or that had loaded its content before; {@code null} when no run started
 * @param movedTo where the file is now: in {@code processed/} or {@code failed/}, or still in the inbox
 * @param message one line saying what happened, as logged and written in the note beside the moved file
 */
public record InboxOutcome(Path file, Result result, Long runId, Path movedTo, String message) {

    public InboxOutcome {
        Objects.requireNonNull(file, "The file must not be null.");
        Objects.requireNonNull(result, "The result must not be null.");
        Objects.requireNonNull(movedTo, "Where the file is must not be null.");
        Objects.requireNonNull(message, "The message must not be null.");
    }

    /** What became of a file of the inbox. */
    public enum Result {
        /** Its run completed (it may have rejected records); moved to {@code processed/}. */
        LOADED,
        /** Its content had been loaded completely before: nothing loaded, moved to {@code processed/}. */
        SKIPPED,
        /**
         * Its run failed, or rejected more records than the budget allows, or it was refused before a run started (it
         * is UTF-16 or UTF-32 text); moved to {@code failed/}.
         */
        FAILED,
        /**
         * No run could start (the file could not be read, another load held the registry past
         * {@code registry.load.queue-wait}, the database failed), or the service was stopping, or the move failed:
         * left in the inbox for the next pass, which resumes a run that was interrupted.
         */
        LEFT
    }
}
