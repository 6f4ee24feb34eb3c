package com.studio.assetregistry.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to load, and how: the file and the options of one load. {@code LoadRequest.of(file)} is a plain load; the
 * {@code with} methods return a copy with one option changed.
 *
 * @param file     the JSON file of version records to load
 * @param source   what the run's {@code source} says: the file as its user named it; the file's path by default, and
 *                 for the REST API the upload's name rather than the server's spool file
 * @param force    load it even if the same content was already loaded completely; without it such a load does
 *                 nothing and names the earlier run
 * @param dryRun   judge every record by every rule, the registry-dependent ones included, and write the full report,
 *                 but register nothing; a dry run is never taken for an earlier load of the content
 * @param progress told how the load advances, once per chunk of records; {@link LoadProgressListener#NONE} by default
 * @param digest   the file's SHA-256, {@linkplain FileDigest#start started} earlier; {@code null}, the default, has the
 *                 load compute it
 */
public record LoadRequest(Path file, String source, boolean force, boolean dryRun, LoadProgressListener progress,
                          FileDigest digest) {

    public LoadRequest {
        Objects.requireNonNull(file, "The file must not be null.");
        source = source == null ? file.toString() : source;
        progress = progress == null ? LoadProgressListener.NONE : progress;
        if (digest != null && !digest.file().equals(file.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("The digest is of " + digest.file() + ", not of " + file + ".");
        }
    }

    /** A plain load of {@code file}: not forced, not a dry run, no progress. */
    public static LoadRequest of(Path file) {
        return new LoadRequest(file, null, false, false, LoadProgressListener.NONE, null);
    }

    /** This request, its run's source saying {@code source}. */
    public LoadRequest withSource(String source) {
        return new LoadRequest(file, source, force, dryRun, progress, digest);
    }

    /** This request, loading content already loaded again if {@code force}. */
    public LoadRequest withForce(boolean force) {
        return new LoadRequest(file, source, force, dryRun, progress, digest);
    }

    /** This request as a dry run if {@code dryRun}. */
    public LoadRequest withDryRun(boolean dryRun) {
        return new LoadRequest(file, source, force, dryRun, progress, digest);
    }

    /** This request, telling {@code progress} how the load advances. */
    public LoadRequest withProgress(LoadProgressListener progress) {
        return new LoadRequest(file, source, force, dryRun, progress, digest);
    }

    /** This request, with its file's SHA-256 {@linkplain FileDigest#start started} earlier. */
    public LoadRequest withDigest(FileDigest digest) {
        return new LoadRequest(file, source, force, dryRun, progress, digest);
    }
}
