package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code status} is one of the model's statuses (the rules file's {@code model.statuses}). */
@Component
@Order(61)
public class StatusUnknownRule extends KnownValueRule {

    public StatusUnknownRule(ModelValues model) {
        super(model.statuses());
    }

    @Override public String id() { return "status.unknown"; }
    @Override public String field() { return "status"; }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.status();
    }
}
