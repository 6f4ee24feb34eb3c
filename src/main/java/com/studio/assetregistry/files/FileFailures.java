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
        if (failure instanceof NoSuchFileException) {
            return "no such file or directory";
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

    /** Which file and why: {@code /inbox/a.json: no such file or directory}; the reason alone if no file is named. */
    public static String describe(IOException failure) {
        if (failure instanceof FileSystemException fileSystem && fileSystem.getFile() != null) {
            return fileSystem.getFile() + (fileSystem.getOtherFile() == null ? "" : " -> " + fileSystem.getOtherFile())
                    + ": " + reason(failure);
        }
        return reason(failure);
    }
}
