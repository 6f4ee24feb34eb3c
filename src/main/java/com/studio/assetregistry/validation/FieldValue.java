package com.studio.assetregistry.validation;

import java.util.Locale;
import java.util.Objects;

/**
 * A property of an input record as it was written, before any interpretation: its JSON kind and its text.
 * <p>
 * Rules need to tell a missing property from {@code null}, a string from a number, and {@code 2} from {@code 2.0}
 * or {@code "2"}, so values are kept uncoerced.
 *
 * @param kind   the JSON kind of the value, or {@link Kind#MISSING}
 * @param text   the string's value or the number's literal; {@code null} for other kinds. Of a string longer than
 *               {@link #KEPT_CHARS}, only its first {@code KEPT_CHARS} characters: see {@link #isCut()}
 * @param length the length in code points of a string whose text was cut; -1 when the text is whole
 */
public record FieldValue(Kind kind, String text, int length) {

    /**
     * The longest string kept whole. A longer one breaks every rule of the model's values (a name is at most a few
     * hundred characters, the other values are short words), and a chunk of 10,000 records each holding one of 1 MiB
     * would take 10 GiB of memory.
     */
    public static final int KEPT_CHARS = 1024;

    /** The kinds a JSON value can have, plus absence. */
    public enum Kind {
        MISSING, NULL, STRING, INTEGER, DECIMAL, BOOLEAN, OBJECT, ARRAY;

        /** How this kind of value reads in a message, whatever the default locale: {@code an integer}, {@code null}. */
        public String described() {
            return switch (this) {
                case NULL -> "null";
                case INTEGER, ARRAY, OBJECT -> "an " + name().toLowerCase(Locale.ROOT);
                case DECIMAL -> "a number";
                default -> "a " + name().toLowerCase(Locale.ROOT);
            };
        }
    }

    public static final FieldValue MISSING = new FieldValue(Kind.MISSING, null);
    public static final FieldValue NULL = new FieldValue(Kind.NULL, null);
    public static final FieldValue OBJECT = new FieldValue(Kind.OBJECT, null);

    public FieldValue {
        Objects.requireNonNull(kind, "The kind must not be null.");
    }

    /** A value whose text, if any, is whole. */
    public FieldValue(Kind kind, String text) {
        this(kind, text, -1);
    }

    /** A JSON string; of one longer than {@link #KEPT_CHARS}, its first characters only, and its length. */
    public static FieldValue string(String value) {
        if (value.length() <= KEPT_CHARS) { // at most as many characters as chars: the common case, uncounted
            return new FieldValue(Kind.STRING, value);
        }
        int length = value.codePointCount(0, value.length());
        if (length <= KEPT_CHARS) { // characters outside the Basic Multilingual Plane, two chars each
            return new FieldValue(Kind.STRING, value);
        }
        return new FieldValue(Kind.STRING, value.substring(0, value.offsetByCodePoints(0, KEPT_CHARS)), length);
    }

    /** Whether only the first {@link #KEPT_CHARS} characters (code points) of a long string are kept. */
    public boolean isCut() {
        return length >= 0;
    }

    /** The length of the text in code points: of the whole string, also when it was cut. */
    public int codePoints() {
        return isCut() ? length : text.codePointCount(0, text.length());
    }

    /** A JSON integer, written as {@code literal}. */
    public static FieldValue integer(String literal) {
        return new FieldValue(Kind.INTEGER, literal);
    }

    /** Whether the property is absent or {@code null}: what the {@code *.required} rules look for. */
    public boolean isMissingOrNull() {
        return kind == Kind.MISSING || kind == Kind.NULL;
    }

    /** Whether the value is a JSON string. */
    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** Whether this is a string of only white space (Unicode's, no-break spaces included), or empty. */
    public boolean isBlankString() {
        if (kind != Kind.STRING || isCut()) { // a cut string is too long to be blank: its length is the news
            return false;
        }
        for (int i = 0; i < text.length(); ) { // a loop, not a stream: every name and value of a load passes here
            int codePoint = text.codePointAt(i);
            if (!isSpace(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

    /** Whether a character is white space in Unicode's sense: Java's white space plus the no-break spaces. */
    public static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    /**
     * How the value reads in a message: {@code "deprecated"}, {@code 2.0}, {@code true}, {@code an object}. A string
     * reads as a JSON string, its quotes, backslashes and control characters escaped ({@link MessageText#quoted}).
     */
    public String describe() {
        return switch (kind) {
            case MISSING -> "missing";
            case NULL -> "null";
            case STRING -> MessageText.quoted(abbreviate(text));
            case INTEGER, DECIMAL, BOOLEAN -> abbreviate(text);
            case OBJECT -> "an object";
            case ARRAY -> "an array";
        };
    }

    private static String abbreviate(String text) {
        if (text.codePointCount(0, text.length()) <= 80) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, 77)) + "...";
    }
}
