package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.VersionedAsset;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One version of one asset in the load format, {@code {"asset": {"name", "type"}, "department", "version",
 * "status"}}: what {@code POST /assets/versions} takes and answers.
 */
@Schema(requiredProperties = {"asset", "department", "version", "status"})
record VersionRecord(AssetRef asset, String department, int version, String status) {

    /** The asset a version belongs to. */
    @Schema(requiredProperties = {"name", "type"})
    record AssetRef(String name, String type) {
    }

    static VersionRecord of(VersionedAsset record) {
        return new VersionRecord(new AssetRef(record.asset().name(), record.asset().type()),
                record.version().department(), record.version().version(), record.version().status());
    }
}
