package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.Reject;
import com.studio.assetregistry.storage.StagedVersion;

/** A record after the record rules: staged for the cross-record rules, or rejected. */
sealed interface CheckedRecord permits CheckedRecord.Staged, CheckedRecord.Rejected {

    /** A record that kept every record rule. */
    record Staged(StagedVersion version) implements CheckedRecord {
    }

    /** A record that broke at least one rule. */
    record Rejected(Reject reject) implements CheckedRecord {
    }
}
