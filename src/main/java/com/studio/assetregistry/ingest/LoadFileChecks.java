package com.studio.assetregistry.ingest;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.files.SymbolicLinks;
import com.studio.assetregistry.report.RejectReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The checks a load's file and reports directory pass before its run is recorded: a load refused here leaves no run
 * behind, and says in one line what is wrong and what to do.
 */
final class LoadFileChecks {

    private LoadFileChecks() {
    }

    /** Refuses a file that is missing, not a regular file, unreadable, or not UTF-8 (UTF-16, UTF-32, compressed). */
    static void checkFile(LoadRequest request, Path absolute) {
        checkReadable(request.file(), absolute);
        refuseOtherEncodings(request, absolute);
    }

    /**
     * Refuses a load whose report could not be written, before its run starts: found only once the load registered
     * its records, a reports directory that is a file, or that may not be written, would fail a load that did its
     * work.
     */
    static void checkReportsDirectory(Path dir, String source) {
        try {
            RejectReportWriter.checkWritable(dir);
        } catch (UncheckedIOException e) {
            throw new LoadException("Cannot load " + source + ": its report cannot be written: " + e.getMessage(),
                    null, e);
        }
    }

    private static void checkReadable(Path file, Path absolute) {
        if (file.toString().isEmpty()) { // the working directory, which the next check would call a directory
            throw new LoadException("Cannot load a file of no name: name the file to load", null, null);
        }
        if (!Files.exists(absolute)) {
            throw new LoadException("Cannot load " + file + ": " + whyMissing(file, absolute), null, null);
        }
        if (Files.isDirectory(absolute)) {
            throw new LoadException("Cannot load " + file + ": it is a directory; name the files in it to load them, "
                    + "for example " + file + "/*.json", null, null);
        }
        if (!Files.isRegularFile(absolute)) { // a pipe, <(zcat f.gz) say, or a device
            throw new LoadException("Cannot load " + file + ": not a regular file (a pipe or a device); a load reads a "
                    + "file that it can hash, to know it again, and seek in, to resume it: write the stream to a file "
                    + "first", null, null);
        }
        if (!Files.isReadable(absolute)) {
            throw new LoadException("Cannot load " + file + ": permission denied", null, null);
        }
    }

    /**
     * Why a file {@link Files#exists} denies is not there: a symbolic link to nothing, or in a loop, is named so;
     * {@code -}, which other commands read as standard input, is said not to be.
     */
    private static String whyMissing(Path file, Path absolute) {
        if (Files.isSymbolicLink(absolute)) {
            try {
                SymbolicLinks.finalTarget(absolute);
            } catch (FileSystemLoopException e) {
                return "its symbolic links lead round in a loop";
            } catch (IOException e) {
                return "cannot follow its symbolic link: " + FileFailures.reason(e);
            }
            return "it is a symbolic link to a file that does not exist";
        }
        if (file.toString().equals("-")) {
            return "no such file; a load reads a file, not standard input (it hashes the file to know it again, and"
                    + " seeks in it to resume): write the stream to a file first";
        }
        return FileFailures.noSuchFile(file.toString());
    }

    /**
     * Refuses a file in UTF-16 or UTF-32, or compressed, before a run starts: read as UTF-8, every record of it would
     * be a syntax error (and Jackson, which recognises UTF-16 and UTF-32 in a record on its own, would read a few of
     * them right).
     */
    private static void refuseOtherEncodings(LoadRequest request, Path absolute) {
        String source = request.source();
        // a file the user can run a command on; an upload's source is not one ("POST /assets/load nightly.json.gz")
        String commandArgument = source.equals(request.file().toString()) ? source : "FILE";
        Optional<String> encoding;
        try {
            encoding = FileEncoding.otherThanUtf8(absolute);
        } catch (IOException e) {
            throw new LoadException("Cannot load " + source + ": " + e.getMessage(), null, e);
        }
        if (encoding.isPresent()) {
            throw new InputEncodingException("Cannot load " + source + ": it is "
                    + FileEncoding.describe(encoding.get()) + ", and a load reads UTF-8 JSON; "
                    + FileEncoding.remedy(encoding.get(), commandArgument), encoding.get());
        }
    }
}
