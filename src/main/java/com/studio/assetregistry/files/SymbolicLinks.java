package com.studio.assetregistry.files;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Symbolic links followed as the system follows them, for a command that must name where one leads. */
public final class SymbolicLinks {

    /** The most links a path is followed through, as Linux's own limit: ELOOP after 40. */
    static final int MAX_HOPS = 40;

    private SymbolicLinks() {
    }

    /**
     * The file a chain of symbolic links ends at, which may not exist; {@code file} itself, made absolute, if it is no
     * link. Followed hop by hop rather than by {@link Path#toRealPath}, which fails on a target that does not exist
     * and words a loop in the system's language.
     *
     * @throws FileSystemLoopException if the links lead round in a loop (more than {@value #MAX_HOPS} of them)
     * @throws IOException             if a link cannot be read
     */
    public static Path finalTarget(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
            if (hops == MAX_HOPS) {
                throw new FileSystemLoopException(file.toString());
            }
            target = target.resolveSibling(Files.readSymbolicLink(target)); // a relative link is from its directory
        }
        return target;
    }
}
