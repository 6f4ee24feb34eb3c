package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;

/** One record as the reader hands it on: parsed, ready for the rules, or unreadable, with the reason. */
sealed interface SourceRecord permits SourceRecord.Parsed, SourceRecord.Unreadable {

    /** Where the record stands in its file. */
    RecordPosition position();

    /**
     * A well-formed record.
     *
     * @param position where it stands
     * @param raw      its bytes as written, for the report should it be rejected; only the first
     *                 {@link RecordParser#EXCERPT_BYTES} of a record over {@link RecordParser#KEPT_BYTES}
     * @param input    its properties, uncoerced
     */
    record Parsed(RecordPosition position, byte[] raw, InputRecord input) implements SourceRecord {
    }

    /**
     * A record that could not be read as JSON, or was over a reader limit.
     *
     * @param position   where it stands
     * @param violation  why
     * @param recordJson a JSON string holding an excerpt of its text
     */
    record Unreadable(RecordPosition position, Violation violation, String recordJson) implements SourceRecord {
    }
}
