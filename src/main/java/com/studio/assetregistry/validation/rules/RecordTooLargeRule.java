package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.Rule;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A record must fit the reader's limits (size, nesting depth, number and string length), which keep one hostile
 * record from exhausting memory. Applied by the reader.
 */
@Component
@Order(-10)
public class RecordTooLargeRule implements Rule {

    @Override public String id() { return "record.too_large"; }
    @Override public String field() { return "record"; }
    @Override public String description() {
        return "the record exceeds a reader limit: size, nesting depth, number length or string length";
    }
    @Override public boolean configurable() { return false; }
}
