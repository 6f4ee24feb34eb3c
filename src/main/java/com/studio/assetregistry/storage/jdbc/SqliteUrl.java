package com.studio.assetregistry.storage.jdbc;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** What a {@code jdbc:sqlite:} URL names: the one reading of it that the store and the command line share. */
public final class SqliteUrl {

    public static final String PREFIX = "jdbc:sqlite:";

    private SqliteUrl() {
    }

    /**
     * What the URL names before its parameters: a path, a {@code file:} URI, {@code :memory:} or nothing; empty if it
     * is no {@code jdbc:sqlite:} URL.
     */
    public static Optional<String> database(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int query = url.indexOf('?');
        return Optional.of(url.substring(PREFIX.length(), query < 0 ? url.length() : query));
    }

    /**
     * The file the URL names by its path; empty if it names none that way: a {@code file:} URI (SQLite's own to
     * resolve), {@code :memory:}, nothing, or no {@code jdbc:sqlite:} URL. A file whose name begins with a colon
     * ({@code :night.db}) is a file.
     */
    public static Optional<Path> file(String url) {
        return database(url).filter(name -> !name.isBlank() && !name.startsWith("file:") && !name.equals(":memory:"))
                .flatMap(SqliteUrl::path);
    }

    private static Optional<Path> path(String name) {
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
