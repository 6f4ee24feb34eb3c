package com.studio.assetregistry.validation;

/**
 * The characters a name or a value of the model must not hold, though they print as nothing or as a line break:
 * text holding one looks like other text, or breaks the line a listing prints it on. {@code name.invalid} refuses them
 * in names, the rules file in its value sets. Control characters and unpaired surrogates are refused apart.
 */
public enum HiddenCharacter {

    /** Unicode's category Cf: a zero-width space, a byte-order mark, a right-to-left override... */
    FORMAT("an invisible formatting character", "text that looks the same would be other text"),
    /** The Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), letters that show nothing; the blank Braille pattern. */
    FILLER("a blank filler character", "text that looks the same would be other text"),
    /**
     * Default-ignorable marks that show nothing: the combining grapheme joiner (U+034F), the Khmer inherent vowels
     * (U+17B4, U+17B5), and the variation selectors (U+FE00 to U+FE0F, U+E0100 to U+E01EF; the Mongolian ones, U+180B
     * to U+180F) except where they choose how the character before them is drawn: after a symbol, an emoji, an
     * ideograph, a digit, {@code #} or {@code *} (keycaps); the Mongolian ones after a Mongolian letter.
     */
    INVISIBLE_MARK("an invisible mark", "text that looks the same would be other text"),
    /** U+2028 and U+2029. */
    SEPARATOR("a line or paragraph separator", "it breaks the line it is printed on"),
    /** U+FDD0 to U+FDEF, and the last two code points of each plane (U+FFFE, U+FFFF, U+1FFFE...). */
    NONCHARACTER("a noncharacter", "Unicode keeps it for a program's own use, never for text");

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private final String what;
    private final String why;

    HiddenCharacter(String what, String why) {
        this.what = what;
        this.why = why;
    }

    /** What a message calls such a character: {@code an invisible formatting character}. */
    public String what() {
        return what;
    }

    /** Why text must not hold one, in a few words. */
    public String why() {
        return why;
    }

    /** The kind of {@code codePoint}, or {@code null} for a character text may hold. */
    public static HiddenCharacter of(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.FORMAT:
                return FORMAT;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return SEPARATOR;
            default:
                break;
        }
        if (codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800) {
            return FILLER;
        }
        if ((codePoint & 0xFFFE) == 0xFFFE || codePoint >= 0xFDD0 && codePoint <= 0xFDEF) {
            return NONCHARACTER;
        }
        if (codePoint == 0x034F || codePoint == 0x17B4 || codePoint == 0x17B5
                || isMongolianSelector(codePoint) || isVariationSelector(codePoint)) {
            return INVISIBLE_MARK;
        }
        return null;
    }

    private static boolean isVariationSelector(int codePoint) {
        return codePoint >= 0xFE00 && codePoint <= 0xFE0F || codePoint >= 0xE0100 && codePoint <= 0xE01EF;
    }

    private static boolean isMongolianSelector(int codePoint) {
        return codePoint >= 0x180B && codePoint <= 0x180F && codePoint != 0x180E;
    }

    /** Whether variation selector {@code selector} after {@code previous} (-1 at the start) chooses how it is drawn. */
    private static boolean selects(int selector, int previous) {
        if (previous < 0) {
            return false;
        }
        if (isMongolianSelector(selector)) {
            return previous >= 0x1820 && previous <= 0x18AA;
        }
        int type = Character.getType(previous);
        return Character.isIdeographic(previous) || type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL
                || previous >= '0' && previous <= '9' || previous == '#' || previous == '*';
    }

    /**
     * The index of the first such character in {@code text}, or -1. The zero-width joiner and non-joiner are allowed
     * inside text, where scripts and emoji need them, not at either end; a variation selector where it selects.
     */
    public static int indexIn(String text) {
        int previous = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int codePoint = text.codePointAt(i);
            if (of(codePoint) != null) {
                boolean joiner = codePoint == ZERO_WIDTH_NON_JOINER || codePoint == ZERO_WIDTH_JOINER;
                boolean inside = i > 0 && i < text.length() - Character.charCount(codePoint);
                boolean selector = isVariationSelector(codePoint) || isMongolianSelector(codePoint);
                boolean allowed = joiner ? inside : selector && selects(codePoint, previous);
                if (!allowed) {
                    return i;
                }
            }
            previous = codePoint;
        }
        return -1;
    }
}
