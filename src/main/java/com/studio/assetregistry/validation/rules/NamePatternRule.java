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
        if (pattern.matcher(name.text()).matches()) {
            return Optional.empty();
        }
        return Optional.of(violation("asset.name " + name.describe() + " does not match " + pattern.pattern()));
    }
}
