package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.RecordPosition;

/**
 * The bytes of one record as the splitter cut them from the file, before parsing.
 *
 * @param position    where it stands; {@code length} is its full length even when its bytes were cut short
 * @param bytes       its bytes, possibly a longer buffer; only the first {@code kept} count
 * @param kept        how many bytes were kept: all of them, or the limit when the record is too large
 * @param tooLarge    whether the record was longer than the limit
 * @param framingError a problem with what stands around the record (a missing comma, a cut-off file), or null
 */
record RawRecord(RecordPosition position, byte[] bytes, int kept, boolean tooLarge, String framingError) {
}
