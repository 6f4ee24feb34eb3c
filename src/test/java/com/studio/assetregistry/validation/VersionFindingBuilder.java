package com.studio.assetregistry.validation;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;

/**
 * Builds {@link VersionFinding}s for tests. By default the candidate is {@code hero/character/modeling v1 active},
 * the first record of its load (record 1), not registered, with versions complete up to its own.
 * <p>
 * Public because the cross-record rule tests live in {@code validation.rules}; it is test code only.
 */
public final class VersionFindingBuilder {

    private String department = "modeling";
    private int version = 1;
    private String status = "active";
    private long recordNumber = 1;
    private Long firstRecordNumber;
    private String registeredStatus;
    private Long completeUpTo;

    private VersionFindingBuilder() {
    }

    /** A finding for version {@code version} of {@code hero/character/modeling}, requested as {@code active}. */
    public static VersionFindingBuilder aFindingFor(int version) {
        VersionFindingBuilder builder = new VersionFindingBuilder();
        builder.version = version;
        return builder;
    }

    public VersionFindingBuilder department(String department) {
        this.department = department;
        return this;
    }

    public VersionFindingBuilder status(String status) {
        this.status = status;
        return this;
    }

    /** The candidate is record {@code recordNumber}; an earlier record {@code first} claims the same version. */
    public VersionFindingBuilder repeatingRecord(long first, long recordNumber) {
        this.firstRecordNumber = first;
        this.recordNumber = recordNumber;
        return this;
    }

    public VersionFindingBuilder registeredAs(String registeredStatus) {
        this.registeredStatus = registeredStatus;
        return this;
    }

    public VersionFindingBuilder completeUpTo(long completeUpTo) {
        this.completeUpTo = completeUpTo;
        return this;
    }

    public VersionFinding build() {
        var candidate = new VersionedAsset(new AssetKey("hero", "character"),
                new AssetVersion(department, version, status));
        return new VersionFinding(candidate, firstRecordNumber == null ? recordNumber : firstRecordNumber,
                recordNumber, registeredStatus, completeUpTo == null ? version : completeUpTo);
    }
}
