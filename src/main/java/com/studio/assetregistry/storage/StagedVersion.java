package com.studio.assetregistry.storage;

import com.studio.assetregistry.asset.VersionedAsset;

/**
 * A record of a run that kept every record rule, written to the registry pending the cross-record rules of its run.
 *
 * @param position where it stands in its file
 * @param record   the version it asks to register
 */
public record StagedVersion(RecordPosition position, VersionedAsset record) {
}
