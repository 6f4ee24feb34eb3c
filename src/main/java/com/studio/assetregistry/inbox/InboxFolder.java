package com.studio.assetregistry.inbox;

import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.validation.MessageText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox on disk: which files wait in it, and where a file goes once loaded. A waiting file is a regular file
 * directly in the inbox (not in a subfolder) whose name ends in {@code .json} or {@code .jsonl}, in any case, and does
 * not start with a dot: a copy in progress under a temporary name ({@code .assets.json.tmp}, {@code assets.json.part},
 * rsync's {@code .assets.json.XyZ12}) is not one. An entry whose attributes cannot be read (a symbolic link that
 * loops, or whose target does not exist), or whose name Java cannot give back to the file system (bytes that are not UTF-8 in a UTF-8 locale), is
 * passed over with a warning, once. Not thread-safe: one pass at a time uses it, and the gauge only reads.
 */
final class InboxFolder {

    static final String PROCESSED = "processed";
    static final String FAILED = "failed";
    /** The suffix of the note written beside a moved file, naming its run and its report. */
    static final String NOTE_SUFFIX = ".report";

    private static final Logger log = LoggerFactory.getLogger(InboxFolder.class);

    private final Path inbox;
    /** The entries the last pass passed over, with the reason it gave. */
    private Map<Path, String> passedOver = Map.of();
    /** The files that could not be moved out once loaded, as they were then: passed over until they change. */
    private final Map<Path, Stamp> unmovable = new HashMap<>();
    /** The files the last pass took, as they were when it listed them. */
    private Map<Path, Stamp> taken = Map.of();

    InboxFolder(Path inbox) {
        this.inbox = Objects.requireNonNull(inbox, "The inbox folder must not be null.");
    }

    /** Every waiting file, settled or not, oldest first; none if the inbox does not exist. */
    List<Path> waiting() {
        return waitingSettledBy(null, null);
    }

    /** The waiting files last modified at {@code now - settleTime} or before, oldest first (then by name). */
    List<Path> settled(Instant now, Duration settleTime) {
        return waitingSettledBy(FileTime.from(now.minus(settleTime)), FileTime.from(now.plus(settleTime)));
    }

    /**
     * {@code settledBy}: the latest modification time of a file to load, or null for every waiting file (the gauge);
     * {@code ahead}: a modification time later than which a file is said to be from a clock out of step.
     */
    private List<Path> waitingSettledBy(FileTime settledBy, FileTime ahead) {
        if (!Files.isDirectory(inbox)) {
            return List.of();
        }
        List<Waiting> files = new ArrayList<>();
        Map<Path, String> passedOver = new LinkedHashMap<>();
        Set<Path> seenUnmovable = new HashSet<>();
        Map<Path, Stamp> listed = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(inbox, InboxFolder::isInboxName)) {
            for (Path entry : entries) {
                BasicFileAttributes attributes;
                try {
                    attributes = attributes(entry);
                } catch (IOException e) { // a symbolic link that loops, say: it must not keep the others waiting
                    passedOver.put(entry, "cannot read its attributes: " + FileFailures.reason(e));
                    continue;
                }
                if (attributes == null && Files.isSymbolicLink(entry)) {
                    passedOver.put(entry, "it is a symbolic link to " + linkTarget(entry) + ", which does not exist");
                    continue;
                }
                if (attributes == null || !attributes.isRegularFile()) { // gone since it was listed, or a folder
                    continue;
                }
                if (settledBy != null && Stamp.of(attributes).equals(unmovable.get(entry))) {
                    seenUnmovable.add(entry); // its warning was given as it stuck; changed, it is taken again
                    continue;
                }
                if (!nameRoundTrips(entry)) {
                    passedOver.put(entry, "its name is not valid in the character set of Java's file names ("
                            + System.getProperty("sun.jnu.encoding") + "), so it cannot be loaded under it; rename it");
                } else if (settledBy == null || attributes.lastModifiedTime().compareTo(settledBy) <= 0) {
                    files.add(new Waiting(entry, attributes.lastModifiedTime()));
                    listed.put(entry, Stamp.of(attributes));
                } else if (attributes.lastModifiedTime().compareTo(ahead) > 0) { // waits in silence otherwise
                    passedOver.put(entry, "it was last modified at " + attributes.lastModifiedTime().toInstant()
                            .truncatedTo(ChronoUnit.SECONDS) + ", later than"
                            + " this server's clock says it is (a clock out of step?): it waits until that time has"
                            + " passed; touch it to load it now");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox + ": " + FileFailures.describe(e), e);
        }
        if (settledBy != null) { // a pass, not the gauge: says once why a file stays, not at every pass
            unmovable.keySet().retainAll(seenUnmovable); // gone, or changed
            taken = listed;
            passedOver.forEach((entry, why) -> {
                if (!why.equals(this.passedOver.get(entry))) {
                    log.warn(MessageText.printable("Inbox file " + entry.getFileName() + " is passed over: " + why));
                }
            });
            this.passedOver = passedOver;
        }
        return files.stream()
                .sorted(Comparator.comparing(Waiting::modified).thenComparing(w -> w.file().getFileName().toString()))
                .map(Waiting::file)
                .toList();
    }

    /**
     * Whether Java can give the entry's name back to the file system: not if the name's bytes are not in the character
     * set of Java's file names (a Latin-1 name under UTF-8 is read with U+FFFD in it; any non-ASCII name under a C
     * locale is read with characters that cannot be encoded back at all).
     */
    private static boolean nameRoundTrips(Path entry) {
        try {
            return Path.of(entry.toString()).equals(entry);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Moves {@code file} into the subfolder {@code folder} of the inbox, under its own name or, if that is taken, the
     * first free one of {@code name-2.json}, {@code name-3.json}..., leaving the name of its note free
     * ({@code name.json.report}). Never overwrites a file.
     *
     * @return where the file is now
     */
    Path moveTo(String folder, Path file) throws IOException {
        Path target = Files.createDirectories(inbox.resolve(folder));
        String name = file.getFileName().toString();
        for (int n = 1; ; n++) {
            Path moved = target.resolve(n == 1 ? name : numbered(name, n));
            if (Files.exists(moved) || Files.exists(noteOf(moved))) {
                continue;
            }
            try {
                Files.move(file, moved); // without REPLACE_EXISTING: fails rather than overwrite one that just came
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            return moved;
        }
    }

    /**
     * Writes the note beside a moved file: {@code name.json.report}. A note already there (left by hand, or planted as a
     * symbolic link by whoever can write the folder) is removed, not written through: the note is created new.
     */
    static void writeNote(Path moved, String note) throws IOException {
        Path path = noteOf(moved);
        Files.deleteIfExists(path); // a link itself, never what it names
        Files.writeString(path, note, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    static Path noteOf(Path moved) {
        return moved.resolveSibling(moved.getFileName() + NOTE_SUFFIX);
    }

    /** {@code assets.json} numbered 2 is {@code assets-2.json}: the extension stays last, so the file still globs. */
    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + n + name.substring(dot);
    }

    private static boolean isInboxName(Path entry) {
        String name = entry.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".json") || lower.endsWith(".jsonl"));
    }

    /** The file's attributes, or null if it went away since it was listed. */
    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a file";
        }
    }

    /**
     * Passes over {@code file}, which the last pass took and could not move out of the inbox once loaded, until it
     * changes from what that pass listed (its length or modification time): every pass would load it again, only to
     * find it loaded, and fail to move it again. It is still counted as waiting in the gauge.
     */
    void keepBack(Path file) {
        Stamp asListed = taken.get(file); // as loaded: a rewrite since then is a change, loaded at the next pass
        if (asListed != null) {
            unmovable.put(file, asListed);
        }
    }

    private record Waiting(Path file, FileTime modified) {
    }

    private record Stamp(FileTime modified, long size) {

        static Stamp of(BasicFileAttributes attributes) {
            return new Stamp(attributes.lastModifiedTime(), attributes.size());
        }
    }
}
