package com.studio.assetregistry.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The SHA-256 of a file: what identifies a load, so that loading the same content again can resume it. A load computes
 * it in place, unless its request brings one {@linkplain #start started} earlier on a thread of its own: the command
 * line starts it before the registry opens, so that hashing (about 1.3 s for 1 GB) and Spring's start run side by
 * side.
 */
public final class FileDigest {

    private final Path file;
    private final CompletableFuture<Hash> hash = new CompletableFuture<>();

    /**
     * What a file held when it was hashed: its SHA-256, in lower-case hex, how many bytes it had, and when it had
     * last been modified before the hashing began. A load reads exactly that many bytes of a file modified no later,
     * or fails: the run is known by the digest of content it would not have read.
     */
    record Hash(String sha256, long bytes, FileTime modified) {
    }

    private FileDigest(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /**
     * Starts computing the SHA-256 of {@code file} on a daemon thread of its own. A file that cannot be read fails
     * the load that asks for its digest, not this call.
     */
    public static FileDigest start(Path file) {
        var digest = new FileDigest(file);
        var thread = new Thread(() -> {
            try {
                digest.hash.complete(hash(digest.file));
            } catch (Throwable e) { // whatever it is, the load waiting for the digest hears of it
                digest.hash.completeExceptionally(e);
            }
        }, "sha256 " + file.getFileName());
        thread.setDaemon(true);
        thread.start();
        return digest;
    }

    /** The file, absolute and normalized. */
    public Path file() {
        return file;
    }

    /** The digest, in lower-case hex, once computed; throws what computing it threw. */
    String sha256() {
        return hash().sha256();
    }

    /** The digest and the byte count, once computed; throws what computing them threw. */
    Hash hash() {
        try {
            return hash.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The SHA-256 of {@code file}, in lower-case hex, computed here. */
    static String sha256(Path file) {
        return hash(file).sha256();
    }

    /** The SHA-256 of {@code file} and its length, computed here, in one reading. */
    static Hash hash(Path file) {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            FileTime modified = Files.getLastModifiedTime(file); // before reading: a later write changes it
            long bytes = in.transferTo(OutputStream.nullOutputStream());
            return new Hash(HexFormat.of().formatHex(in.getMessageDigest().digest()), bytes, modified);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + " to compute its SHA-256: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256.", e);
        }
    }
}
