package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A name matches the studio's pattern ({@code name.pattern} in the rules file, e.g. {@code ^[a-z][a-z0-9_]*$} for
 * snake_case) as a whole, case-sensitively. With no pattern, every name passes. Names that are missing, not strings,
 * blank or too long are {@code name.required}'s and {@code name.invalid}'s to report.
 */
@Component
@Order(22)
public class NamePatternRule implements RecordRule {

    private final Pattern pattern;
    private final int maxLength;

    public NamePatternRule(ModelValues model) {
        this.pattern = model.compiledNamePattern().orElse(null);
        this.maxLength = model.maxNameLength();
    }

    @Override public String id() { return "name.pattern"; }
    @Override public String field() { return "asset.name"; }
    @Override public String description() {
        return pattern == null ? "the name does not match the rules file's name.pattern (none is set)"
                : "the name does not match " + pattern.pattern();
    }

    @Override
    public boolean appliesTo(InputRecord record) {
        return pattern != null && record.hasAssetObject();
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue name = record.name();
        if (pattern == null || !name.isString() || name.isBlankString()
                || name.codePoints() > maxLength) {
            return Optional.empty();
        }
        try {
            if (pattern.matcher(new BoundedText(name.text())).matches()) {
                return Optional.empty();
            }
        } catch (BoundedText.TooLong e) {
            return Optional.of(violation("asset.name " + name.describe() + " could not be matched against "
                    + pattern.pattern() + ": the pattern backtracks without end on it; simplify name.pattern"));
        }
        return Optional.of(violation("asset.name " + name.describe() + " does not match " + pattern.pattern()));
    }

    /**
     * A name as the matcher reads it, a character at a time, with a bound on how many it may read: a pattern that
     * backtracks catastrophically ({@code (.*a){20}} against a long name without the last {@code a}) would otherwise
     * hold a load, or a request's thread, for hours. A sane pattern reads a name a few times; this allows ten
     * thousand reads a character. {@code java.util.regex} has no time limit of its own, hence this.
     */
    static final class BoundedText implements CharSequence {

        private static final long READS_PER_CHARACTER = 10_000;

        private final String text;
        private long readsLeft;

        BoundedText(String text) {
            this.text = text;
            this.readsLeft = (text.length() + 1) * READS_PER_CHARACTER;
        }

        @Override
        public char charAt(int index) {
            if (--readsLeft < 0) {
                throw new TooLong();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }

        /** The matcher read more than its bound allows. */
        static final class TooLong extends RuntimeException {

            TooLong() {
                super(null, null, false, false);
            }
        }
    }
}
