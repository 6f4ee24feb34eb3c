package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code asset.type} is one of the model's types (the rules file's {@code model.types}). */
@Component
@Order(31)
public class TypeUnknownRule extends KnownValueRule {

    public TypeUnknownRule(ModelValues model) {
        super(model.types());
    }

    @Override public String id() { return "type.unknown"; }
    @Override public String field() { return "asset.type"; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return record.hasAssetObject();
    }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.type();
    }
}
