package com.studio.assetregistry.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * A file written beside the one it is to become ({@code NAME.<random>.partial}), then moved over it, so that an
 * interrupted write never leaves half a file. It is created new, under a name no one can guess: a name anyone could
 * know ({@code NAME.partial}) lets whoever can write the directory plant a symbolic link there, and have the writer
 * write through it into a file of their choosing, with the writer's rights.
 *
 * @param path where it is
 * @param out  the file, opened for writing; the caller closes it
 */
public record PartialFile(Path path, OutputStream out) {

    /** How a partial file's name ends. */
    public static final String SUFFIX = ".partial";

    private static final Random NAMES = new SecureRandom();
    /**
     * The most bytes (UTF-8) of the target's name a partial file's name keeps: with the random part and the suffix,
     * 217, under the 255 a file system takes, whatever the target's name.
     */
    private static final int KEPT_BYTES = 200;
    /** Eight base-36 characters: 2.8 million million names, none of them guessable. */
    private static final int RANDOM_CHARACTERS = 8;

    /**
     * Creates the partial file of {@code target} in its directory, with the rights a new file gets there.
     *
     * @throws IOException if the directory cannot hold it (missing, read-only, full)
     */
    public static PartialFile beside(Path target) throws IOException {
        String kept = kept(target.getFileName().toString());
        while (true) {
            Path path = target.resolveSibling(kept + "." + randomPart() + SUFFIX);
            try { // CREATE_NEW creates it or fails, a symbolic link in its place included: never opens another file
                return new PartialFile(path, Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                // taken: another name
            }
        }
    }

    /** The longest start of {@code name} of at most {@link #KEPT_BYTES} in UTF-8, whole characters only. */
    private static String kept(String name) {
        int bytes = 0;
        int end = 0;
        while (end < name.length()) {
            int codePoint = name.codePointAt(end);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > KEPT_BYTES) {
                break;
            }
            end += Character.charCount(codePoint);
        }
        return name.substring(0, end);
    }

    private static String randomPart() {
        StringBuilder part = new StringBuilder(RANDOM_CHARACTERS);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            part.append(Character.forDigit(NAMES.nextInt(36), 36));
        }
        return part.toString();
    }
}
