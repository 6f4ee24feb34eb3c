package com.studio.assetregistry.storage;

import com.studio.assetregistry.validation.VersionFinding;

/**
 * A staged record that may not be registered as it is, with the facts the cross-record rules judge it by.
 *
 * @param position where it stands in its file
 * @param finding  the facts
 */
public record StagedFinding(RecordPosition position, VersionFinding finding) {
}
