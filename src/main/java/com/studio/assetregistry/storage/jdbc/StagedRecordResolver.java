package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.VersionFinding;
import java.util.Objects;

/**
 * Decides the fate of a load's staged records, given one at a time grouped by asset and department, in the order
 * (version, record number) within a group, each with what the registry already holds for it. Holds one group's state at a time, so
 * memory does not grow with the load.
 * <p>
 * Per asset and department, the registry holds exactly versions 1..N. Walking the distinct staged versions upwards
 * from N, each one that is exactly the next version extends the sequence and is registered; the first one that is not
 * leaves a gap, and it and every version above it are held back. The first record of each version wins; later ones
 * are repeats. A version already registered with the same status is unchanged. Everything held back goes to
 * {@link Decisions#heldBack} with the facts the cross-record rules judge.
 * <p>
 * Not thread-safe.
 */
final class StagedRecordResolver {

    /**
     * A staged record with the registry's facts about it.
     *
     * @param position         where it stands in its file
     * @param record           the version it asks to register
     * @param assetId          the asset's id
     * @param registeredStatus the status registered for the same version, or {@code null}
     * @param registeredMax    N, the highest version registered for the asset and department (0 if none)
     */
    record StagedRow(RecordPosition position, VersionedAsset record, long assetId, String registeredStatus,
                     int registeredMax) {
    }

    /** Where the decisions go. */
    interface Decisions {
        void register(StagedRow row);

        void unchanged(StagedRow row);

        void heldBack(StagedRow row, VersionFinding finding);
    }

    private final Decisions decisions;
    private StagedRow groupStart;
    private long completeUpTo;
    private int version;
    private long firstRecord;

    StagedRecordResolver(Decisions decisions) {
        this.decisions = Objects.requireNonNull(decisions, "The decisions must not be null.");
    }

    void accept(StagedRow row) {
        if (groupStart == null || !sameGroup(groupStart, row)) {
            groupStart = row;
            completeUpTo = row.registeredMax();
            version = 0;
        }
        int rowVersion = row.record().version().version();
        boolean first = rowVersion != version;
        if (first) {
            version = rowVersion;
            firstRecord = row.position().recordNumber();
        }
        if (first && row.registeredStatus() == null && rowVersion == completeUpTo + 1) {
            completeUpTo = rowVersion;
            decisions.register(row);
        } else if (first && row.record().version().status().equals(row.registeredStatus())) {
            decisions.unchanged(row);
        } else {
            decisions.heldBack(row, new VersionFinding(row.record(), firstRecord, row.position().recordNumber(),
                    row.registeredStatus(), completeUpTo));
        }
    }

    private static boolean sameGroup(StagedRow a, StagedRow b) {
        return a.record().asset().equals(b.record().asset())
                && a.record().version().department().equals(b.record().version().department());
    }
}
