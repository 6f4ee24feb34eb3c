package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells a JSON file written in UTF-16 or UTF-32 (a Windows tool's "Unicode" export, say) from the UTF-8 a load reads,
 * by its first four bytes: a byte-order mark, or the zero bytes that encoding puts around a JSON text's first two
 * characters (the first one {@code [}, <code>{</code> or white space), as RFC 4627 describes. Anything else is read as UTF-8: a binary
 * file is not mistaken for text, and goes through the reader as any other broken input.
 * <p>
 * Written by hand: Jackson detects these encodings too, but inside its parser's bootstrap, and it takes any file with
 * a zero byte among its first two for UTF-16.
 */
final class FileEncoding {

    private FileEncoding() {
    }

    /** The encoding of the file if it is UTF-16 or UTF-32 ("UTF-16LE", "UTF-32BE", ...); empty for anything else. */
    static Optional<String> otherThanUtf8(Path file) throws IOException {
        byte[] head = new byte[4];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while (length < head.length && (read = in.read(head, length, head.length - length)) > 0) {
                length += read;
            }
        }
        return otherThanUtf8(head, length);
    }

    /** As {@link #otherThanUtf8(Path)}, for the first {@code length} bytes of a file, at most four. */
    static Optional<String> otherThanUtf8(byte[] head, int length) {
        int[] b = new int[4];
        for (int i = 0; i < 4; i++) {
            b[i] = i < length ? head[i] & 0xFF : -1;
        }
        // UTF-32 first: its little-endian mark begins with UTF-16's
        if (b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0
                || jsonStart(b[0]) && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return Optional.of("UTF-32LE");
        }
        if (b[0] == 0 && b[1] == 0 && (b[2] == 0xFE && b[3] == 0xFF || b[2] == 0 && jsonStart(b[3]))) {
            return Optional.of("UTF-32BE");
        }
        // without a mark, the first two characters are ASCII, so each has its zero byte: "[\0{" is UTF-8 with a NUL
        if (b[0] == 0xFF && b[1] == 0xFE || jsonStart(b[0]) && b[1] == 0 && (length == 2 || b[3] == 0)) {
            return Optional.of("UTF-16LE");
        }
        if (b[0] == 0xFE && b[1] == 0xFF || b[0] == 0 && jsonStart(b[1]) && (length == 2 || b[2] == 0)) {
            return Optional.of("UTF-16BE");
        }
        return Optional.empty();
    }

    /** Whether an ASCII character can begin a JSON file of records: an array, an object, or white space. */
    private static boolean jsonStart(int b) {
        return b == '[' || b == '{' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
