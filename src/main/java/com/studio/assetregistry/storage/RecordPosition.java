package com.studio.assetregistry.storage;

/**
 * Where a record stands in its source file.
 *
 * @param recordNumber the record's 1-based number in the file
 * @param line         the 1-based line where the record starts
 * @param column       the 1-based column, in characters, where the record starts
 * @param offset       the byte offset where the record starts
 * @param length       the record's length in bytes
 */
public record RecordPosition(long recordNumber, long line, long column, long offset, int length) {

    /** The position of something that did not come from a file, such as a Java API call. */
    public static RecordPosition ofNumber(long recordNumber) {
        return new RecordPosition(recordNumber, 0, 0, 0, 0);
    }
}
