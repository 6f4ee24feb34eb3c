package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.HiddenCharacter;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A name is a string with no leading or trailing white space, no control characters, no invisible formatting or blank
 * filler characters (which make two names that look the same different names), no line or paragraph separator (which
 * breaks the line it is printed on), no noncharacter, no unpaired surrogate (which a JSON escape can write, but no text
 * encoding can store), nothing that Unicode's composed form (NFC) writes otherwise (a letter and its accent as two
 * characters, which look like the composed letter), and no more characters than the configured maximum (255 by
 * default).
 * Blank names are {@code name.required}'s to report.
 */
@Component
@Order(21)
public class NameInvalidRule implements RecordRule {

    private final int maxLength;

    public NameInvalidRule(ModelValues model) {
        this.maxLength = model.maxNameLength();
    }

    @Override public String id() { return "name.invalid"; }
    @Override public String field() { return "asset.name"; }
    @Override public String description() {
        return "the name is not a string, has leading or trailing white space, control characters, invisible "
                + "formatting or blank filler characters, line separators, noncharacters or an unpaired surrogate, is"
                + " not in Unicode's composed form (NFC), or is longer than " + maxLength + " characters";
    }
    @Override public boolean configurable() { return false; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return record.hasAssetObject();
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue name = record.name();
        if (name.isMissingOrNull() || name.isBlankString()) {
            return Optional.empty();
        }
        if (!name.isString()) {
            return Optional.of(violation("asset.name must be a string, got " + name.describe()));
        }
        String text = name.text();
        if (name.isCut()) { // too long for anything else to be told of it
            return Optional.of(violation("asset.name is " + name.codePoints() + " characters long, more than "
                    + maxLength));
        }
        if (FieldValue.isSpace(text.codePointAt(0)) || FieldValue.isSpace(text.codePointBefore(text.length()))) {
            return Optional.of(violation("asset.name " + name.describe() + " has leading or trailing white space"));
        }
        if (hasControlCharacter(text)) {
            return Optional.of(violation("asset.name " + name.describe() + " contains a control character"));
        }
        int surrogate = unpairedSurrogate(text);
        if (surrogate >= 0) {
            int lone = text.charAt(surrogate);
            return Optional.of(violation(String.format(Locale.ROOT, "asset.name contains an unpaired surrogate"
                    + " (\\u%04x) at character %d: it is not Unicode text, and no database could store it", lone,
                    text.codePointCount(0, surrogate) + 1)));
        }
        int hidden = HiddenCharacter.indexIn(text);
        if (hidden >= 0) {
            int codePoint = text.codePointAt(hidden);
            HiddenCharacter kind = HiddenCharacter.of(codePoint);
            return Optional.of(violation(String.format(Locale.ROOT,
                    "asset.name %s contains %s (U+%04X) at character %d: %s", name.describe(), kind.what(), codePoint,
                    text.codePointCount(0, hidden) + 1, why(kind))));
        }
        if (!isComposed(text)) {
            return Optional.of(violation("asset.name " + name.describe() + " is not in Unicode's composed form (NFC)"
                    + ": " + firstUncomposed(text) + "; two names that look the same would be two assets"));
        }
        int length = name.codePoints();
        if (length > maxLength) {
            return Optional.of(violation("asset.name is " + length + " characters long, more than " + maxLength));
        }
        return Optional.empty();
    }

    /**
     * The index of the first half of a surrogate pair that stands alone, or -1. A JSON escape can write one (of U+D800
     * to U+DFFF), but no UTF-8 or UTF-16 text holds it: a database driver would store something else in its place.
     */
    private static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Why a name must not hold such a character, said of names. */
    private static String why(HiddenCharacter kind) {
        return switch (kind) {
            case FORMAT, FILLER, INVISIBLE_MARK -> "two names that look the same would be two assets";
            case SEPARATOR -> "it breaks the line a listing or a report prints the name on";
            case NONCHARACTER -> kind.why();
        };
    }

    /**
     * Whether the name is in Unicode's composed form (NFC), the form a name is registered in. Every character below
     * U+0300 (where the combining marks begin) is composed, alone or before another such: the common names are
     * judged without the normalizer.
     */
    private static boolean isComposed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC);
            }
        }
        return true;
    }

    /**
     * Where a name that is not in NFC differs from its NFC form, and what NFC writes there, by code point: {@code
     * characters 2 to 3 (U+0065 U+0301) are U+00E9 in NFC}. The part between what the two share at their start and at
     * their end: a letter and its marks composed, marks reordered, a character NFC replaces.
     */
    private static String firstUncomposed(String text) {
        int[] name = text.codePoints().toArray();
        int[] nfc = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
        int start = 0;
        while (start < name.length && start < nfc.length && name[start] == nfc[start]) {
            start++;
        }
        int end = 0; // how many they share at their end, after the start
        while (end < name.length - start && end < nfc.length - start
                && name[name.length - 1 - end] == nfc[nfc.length - 1 - end]) {
            end++;
        }
        int last = name.length - end; // exclusive, in the name
        String which = last - start == 1 ? "character " + (start + 1) : "characters " + (start + 1) + " to " + last;
        return which + " (" + codePoints(name, start, last) + ") " + (last - start == 1 ? "is " : "are ")
                + codePoints(nfc, start, nfc.length - end) + " in NFC";
    }

    private static String codePoints(int[] codePoints, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(i > from ? " " : "").append(String.format("U+%04X", codePoints[i]));
        }
        return text.toString();
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
