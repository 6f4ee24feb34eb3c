package com.studio.assetregistry.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How values read in the command line's output: times in local time to the second, durations in the largest fitting
 * unit, counts with their noun, and words a user may copy into a shell quoted for it.
 */
final class HumanFormat {

    /** Characters no POSIX shell gives a meaning to in a word. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private HumanFormat() {
    }

    /** {@code 2026-11-26 14:22:50} in this machine's time zone, or {@code -}. */
    static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** {@code 384 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 03 min}, or {@code -}. */
    static String duration(Long millis) {
        if (millis == null) {
            return "-";
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
        }
        long seconds = millis / 1_000;
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3_600, seconds % 3_600 / 60);
    }

    /** {@code 1 version}, {@code 3 versions}. */
    /** A size in bytes as people read it: {@code 512 KiB}, {@code 8.2 GiB}. */
    static String bytes(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** {@code text} as one word of a POSIX shell's command line: in single quotes, each of its own written '\''. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** {@code text} as one word of a shell's command line: as it is if the shell takes it so, else quoted. */
    static String shellWord(String text) {
        return !text.isEmpty() && SHELL_SAFE.matcher(text).matches() ? text : shellQuoted(text);
    }
}
