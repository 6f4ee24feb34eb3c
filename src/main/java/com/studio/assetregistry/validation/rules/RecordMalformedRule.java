package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A record must be a JSON object that names each property once. */
@Component
@Order(0)
public class RecordMalformedRule implements RecordRule {

    @Override public String id() { return "record.malformed"; }
    @Override public String field() { return "record"; }
    @Override public String description() { return "the record is not a JSON object, or an object repeats a property name"; }
    @Override public boolean configurable() { return false; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return true;
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        if (!record.isObject()) {
            return Optional.of(violation("the record is " + record.root().described() + ", not a JSON object"));
        }
        if (!record.repeatedProperties().isEmpty()) {
            return Optional.of(violation("property " + String.join(", ", record.repeatedProperties().stream()
                    .map(p -> '"' + p + '"').toList()) + " appears more than once"));
        }
        return Optional.empty();
    }
}
