package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.VersionedAsset;

/**
 * One version of one asset in the load format, {@code {"asset": {"name", "type"}, "department", "version",
 * "status"}}: what {@code POST /assets/versions} takes and answers.
 */
record VersionRecord(AssetRef asset, String department, int version, String status) {

    /** The asset a version belongs to. */
    record AssetRef(String name, String type) {
    }

    static VersionRecord of(VersionedAsset record) {
        return new VersionRecord(new AssetRef(record.asset().name(), record.asset().type()),
                record.version().department(), record.version().version(), record.version().status());
    }
}
