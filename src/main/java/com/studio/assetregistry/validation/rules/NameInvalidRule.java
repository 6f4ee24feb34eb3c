package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A name is a string with no leading or trailing white space, no control characters, and no more characters than
 * the configured maximum (255 by default). Blank names are {@code name.required}'s to report.
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
        return "the name is not a string, has leading or trailing white space or control characters, or is longer than "
                + maxLength + " characters";
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
        if (FieldValue.isSpace(text.codePointAt(0)) || FieldValue.isSpace(text.codePointBefore(text.length()))) {
            return Optional.of(violation("asset.name " + name.describe() + " has leading or trailing white space"));
        }
        if (hasControlCharacter(text)) {
            return Optional.of(violation("asset.name " + name.describe() + " contains a control character"));
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            return Optional.of(violation("asset.name is " + length + " characters long, more than " + maxLength));
        }
        return Optional.empty();
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
