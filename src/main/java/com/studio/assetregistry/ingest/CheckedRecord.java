package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.storage.Warning;

/**
 * A record after the record rules: staged for the cross-record rules, or rejected; either way with the warnings it
 * drew, or {@code null} if it drew none.
 */
sealed interface CheckedRecord permits CheckedRecord.Staged, CheckedRecord.Rejected {

    /** The record's warnings, or {@code null}. */
    Warning warning();

    /** A record that broke no record rule whose severity is error. */
    record Staged(StagedVersion version, Warning warning) implements CheckedRecord {
    }

    /** A record that broke at least one rule whose severity is error. */
    record Rejected(Reject reject, Warning warning) implements CheckedRecord {
    }
}
