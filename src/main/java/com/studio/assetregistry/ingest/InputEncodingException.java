package com.studio.assetregistry.ingest;

/**
 * A file a load refuses before it starts a run, because it is not UTF-8 text (it is UTF-16 or UTF-32, or compressed):
 * no record of it could be read as written, so none is registered or reported.
 */
public class InputEncodingException extends LoadException {

    private final String encoding;

    public InputEncodingException(String message, String encoding) {
        super(message, null, null);
        this.encoding = encoding;
    }

    /** The file's encoding: "UTF-16LE", "UTF-32BE", ... as Java names them, or "gzip", "bzip2", "xz", "zstd", "zip". */
    public String encoding() {
        return encoding;
    }
}
