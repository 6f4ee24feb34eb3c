package com.studio.assetregistry.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** The file system's words for a failed file operation, which Java's exceptions often leave out of their message. */
public final class FileFailures {

    private FileFailures() {
    }

    /** Why, in a few words: {@code no such file or directory}, {@code permission denied}, a reason of the OS's own. */
    public static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException missing) {
            return missing.getFile() != null && notUtf8(missing.getFile()) ? noSuchFile(missing.getFile())
                    : "no such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) { // creating a directory where a file is, say
            return "a file of that name already exists";
        }
        if (failure instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return fileSystem.getReason();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    /**
     * Why a file named so is not there: no such file; or, for a name that holds U+FFFD, that the name was given in
     * bytes that are not UTF-8 (Latin-1 from an old tool, say), which Java reads as U+FFFD, and so names another file.
     */
    public static String noSuchFile(String name) {
        return notUtf8(name) ? "no such file by that name: it was given in bytes that are not UTF-8, which read as"
                + " U+FFFD (\uFFFD); rename the file to a UTF-8 name (convmv -f latin1 -t utf8 --notest, say)"
                : "no such file";
    }

    private static boolean notUtf8(String name) {
        return name.indexOf('\uFFFD') >= 0;
    }

    /** Which file and why: {@code /inbox/a.json: no such file or directory}; the reason alone if no file is named. */
    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException fileSystem && fileSystem.getFile() != null) {
            return fileSystem.getFile() + (fileSystem.getOtherFile() == null ? "" : " -> " + fileSystem.getOtherFile())
                    + ": " + reason(failure);
        }
        return reason(failure);
    }
}
