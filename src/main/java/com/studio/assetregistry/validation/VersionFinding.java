package com.studio.assetregistry.validation;

import com.studio.assetregistry.asset.VersionedAsset;
import java.util.Objects;

/**
 * The facts that cross-record rules judge a candidate version by.
 *
 * @param candidate          the version a record asks to register
 * @param firstRecordNumber  the record number of the first record in the load with the same asset, department and
 *                           version; equal to the candidate's own when it is the first
 * @param recordNumber       the candidate's own record number
 * @param registeredStatus   the status already registered for that asset, department and version, or {@code null}
 * @param completeUpTo       N such that versions 1..N of the asset and department are registered or would be by this
 *                           load (the length of the gap-free prefix)
 */
public record VersionFinding(VersionedAsset candidate, long firstRecordNumber, long recordNumber,
                             String registeredStatus, long completeUpTo) {

    public VersionFinding {
        Objects.requireNonNull(candidate, "The candidate must not be null.");
    }

    /** Whether an earlier record of the same load already claims this asset, department and version. */
    public boolean isRepeat() {
        return recordNumber != firstRecordNumber;
    }

    /** Whether the asset, department and version is already in the registry. */
    public boolean isRegistered() {
        return registeredStatus != null;
    }
}
