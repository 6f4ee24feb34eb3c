package com.studio.assetregistry.storage;

import com.studio.assetregistry.validation.VersionFinding;
import java.util.Objects;

/**
 * A record of a run that may not be registered as it is, with the facts the cross-record rules judge it by.
 *
 * @param position where it stands in its file; when the store knows only its record number
 *                 ({@link RecordPosition#ofNumber}), {@link #isLocated()} is false and the caller finds the record in
 *                 the file
 * @param finding  the facts
 */
public record StagedFinding(RecordPosition position, VersionFinding finding) {

    public StagedFinding {
        Objects.requireNonNull(position, "The position must not be null.");
        Objects.requireNonNull(finding, "The finding must not be null.");
    }

    /** Whether the position gives the record's place in its file, not its number alone. */
    public boolean isLocated() {
        return position.length() > 0;
    }
}
