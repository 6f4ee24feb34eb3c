package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.Rule;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A record must be well-formed JSON. Applied by the reader, which reports the broken record with its position and
 * an excerpt, then goes on with the next record.
 */
@Component
@Order(-20)
public class JsonSyntaxRule implements Rule {

    @Override public String id() { return "json.syntax"; }
    @Override public String field() { return "record"; }
    @Override public String description() { return "the record is not well-formed JSON"; }
    @Override public boolean configurable() { return false; }
}
