package com.studio.assetregistry.storage;

import com.studio.assetregistry.asset.VersionedAsset;

/**
 * A record that kept every record rule, waiting for the cross-record rules of its load.
 *
 * @param position where it stands in its file
 * @param record   the version it asks to register
 */
public record StagedVersion(RecordPosition position, VersionedAsset record) {
}
