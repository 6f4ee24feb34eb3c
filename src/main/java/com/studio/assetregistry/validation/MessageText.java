package com.studio.assetregistry.validation;

/**
 * Text from an input file made fit for a message. A message is stored (PostgreSQL refuses a NUL character in text),
 * printed on terminals (where an escape character drives the screen), and read as one line of a report; a value in a
 * file can hold any character, since a JSON escape can write it. So every control character (C0, DEL and C1), every
 * bidirectional control and line or paragraph separator (which reorder or break the line they are in), and every
 * unpaired surrogate (which no text encoding can store) is written as a JSON escape, as a file would write it.
 * <p>
 * Written by hand: Jackson's string encoder escapes only what JSON requires, which leaves DEL, the C1 controls and
 * unpaired surrogates as they are.
 */
public final class MessageText {

    private MessageText() {
    }

    /** {@code text} with its control characters and unpaired surrogates escaped; {@code text} itself if it has none. */
    public static String printable(String text) {
        return needsEscape(text, false) ? escape(text, false) : text;
    }

    /** Whether {@code text} prints as it is: it has nothing that {@link #printable} would escape. */
    public static boolean isPrintable(String text) {
        return !needsEscape(text, false);
    }

    /**
     * {@code text} as a JSON string literal, as it could be written in a file: in double quotes, its quotes,
     * backslashes, control characters and unpaired surrogates escaped.
     */
    public static String quoted(String text) {
        return '"' + (needsEscape(text, true) ? escape(text, true) : text) + '"';
    }

    private static boolean needsEscape(String text, boolean json) {
        for (int i = 0; i < text.length(); i++) { // a loop: every message and every described value passes here
            if (escaped(text, i, json)) {
                return true;
            }
        }
        return false;
    }

    private static String escape(String text, boolean json) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(text, i, json)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code c} is a bidirectional control (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which
     * reverses or reorders the rest of a terminal's or a page's line ({@code hero\u202Eexe.sj} shows as
     * {@code herosj.exe}), or the line or paragraph separator, which some viewers break a line at.
     */
    private static boolean reordersOrBreaksLines(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069' || c == '\u2028' || c == '\u2029';
    }

    /** Whether the character at {@code i} is written as an escape. */
    private static boolean escaped(String text, int i, boolean json) {
        char c = text.charAt(i);
        if (Character.isISOControl(c) || reordersOrBreaksLines(c)) {
            return true;
        }
        if (json && (c == '"' || c == '\\')) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
        }
        return false;
    }
}
