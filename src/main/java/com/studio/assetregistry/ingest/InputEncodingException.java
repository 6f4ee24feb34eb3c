package com.studio.assetregistry.ingest;

/**
 * A file a load refuses before it starts a run, because its text is not UTF-8 (it is UTF-16 or UTF-32): no record of it
 * could be read as written, so none is registered or reported.
 */
public class InputEncodingException extends LoadException {

    private final String encoding;

    public InputEncodingException(String message, String encoding) {
        super(message, null, null);
        this.encoding = encoding;
    }

    /** The file's encoding, as Java names it: "UTF-16LE", "UTF-32BE", ... */
    public String encoding() {
        return encoding;
    }
}
