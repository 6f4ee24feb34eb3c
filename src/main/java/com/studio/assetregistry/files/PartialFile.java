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
     * Creates the partial file of {@code target} in its directory, with the rights a new file gets there.
     *
     * @throws IOException if the directory cannot hold it (missing, read-only, full)
     */
    public static PartialFile beside(Path target) throws IOException {
        while (true) {
            Path path = target.resolveSibling(target.getFileName() + "."
                    + Long.toUnsignedString(NAMES.nextLong(), 36) + SUFFIX);
            try { // CREATE_NEW creates it or fails, a symbolic link in its place included: never opens another file
                return new PartialFile(path, Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                // taken: another name
            }
        }
    }
}
