package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells the files a load refuses before it starts, by their first bytes, from the UTF-8 JSON it reads:
 * <ul>
 *   <li>JSON in UTF-16 or UTF-32 (a Windows tool's "Unicode" export, say), by a byte-order mark, or by the zero bytes
 *       that encoding puts around a JSON text's first two characters (the first one {@code [}, <code>{</code> or white
 *       space), as RFC 4627 describes;</li>
 *   <li>a compressed file (gzip, bzip2, xz, Zstandard, zip), by its magic number: its records are there, but read as
 *       UTF-8, every line of it would be one {@code json.syntax} reject of binary garbage.</li>
 * </ul>
 * Anything else is read as UTF-8: a binary file that is neither (an image, an executable) is not mistaken for text,
 * and goes through the reader as any other broken input.
 * <p>
 * Written by hand: Jackson detects these encodings too, but inside its parser's bootstrap, and it takes any file with
 * a zero byte among its first two for UTF-16; no library at hand names compression formats by their magic numbers.
 */
final class FileEncoding {

    /** How many of a file's first bytes {@link #otherThanUtf8(byte[], int)} looks at. */
    static final int HEAD_BYTES = 6;

    private static final byte[] GZIP = {0x1F, (byte) 0x8B};
    private static final byte[] BZIP2 = {'B', 'Z', 'h'};
    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private FileEncoding() {
    }

    /**
     * The encoding of the file if a load cannot read it as it is: "UTF-16LE", "UTF-32BE", ... for text, "gzip",
     * "bzip2", "xz", "zstd" or "zip" for a compressed file; empty for anything else.
     */
    static Optional<String> otherThanUtf8(Path file) throws IOException {
        byte[] head = new byte[HEAD_BYTES];
        int length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while (length < head.length && (read = in.read(head, length, head.length - length)) > 0) {
                length += read;
            }
        }
        return otherThanUtf8(head, length);
    }

    /** What a file in {@code encoding} (named by {@link #otherThanUtf8}) is: "UTF-16LE text", "gzip-compressed". */
    static String describe(String encoding) {
        return switch (encoding) {
            case "zip" -> "a zip archive";
            case "gzip", "bzip2", "xz", "zstd" -> encoding + "-compressed";
            default -> encoding + " text";
        };
    }

    /** What to do with {@code file}, in {@code encoding}, before loading it: "convert it first, for example ...". */
    static String remedy(String encoding, String file) {
        return switch (encoding) {
            case "zip" -> "extract its JSON file first, for example with unzip " + file;
            case "gzip" -> "decompress it first, for example with gunzip -k " + file;
            case "bzip2" -> "decompress it first, for example with bunzip2 -k " + file;
            case "xz" -> "decompress it first, for example with unxz -k " + file;
            case "zstd" -> "decompress it first, for example with unzstd " + file;
            default -> "convert it first, for example with iconv -f " + encoding + " -t UTF-8";
        };
    }

    /** As {@link #otherThanUtf8(Path)}, for the first {@code length} bytes of a file, at most {@link #HEAD_BYTES}. */
    static Optional<String> otherThanUtf8(byte[] head, int length) {
        Optional<String> compressed = compression(head, length);
        if (compressed.isPresent()) {
            return compressed;
        }
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

    private static Optional<String> compression(byte[] head, int length) {
        if (startsWith(head, length, GZIP)) {
            return Optional.of("gzip");
        }
        if (startsWith(head, length, BZIP2) && length > 3 && head[3] >= '1' && head[3] <= '9') {
            return Optional.of("bzip2");
        }
        if (startsWith(head, length, XZ)) {
            return Optional.of("xz");
        }
        if (startsWith(head, length, ZSTD)) {
            return Optional.of("zstd");
        }
        return startsWith(head, length, ZIP) ? Optional.of("zip") : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        return length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /** Whether an ASCII character can begin a JSON file of records: an array, an object, or white space. */
    private static boolean jsonStart(int b) {
        return b == '[' || b == '{' || b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
