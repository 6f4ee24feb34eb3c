package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every version record has {@code asset.type}. */
@Component
@Order(30)
public class TypeRequiredRule extends RequiredValueRule {

    @Override public String id() { return "type.required"; }
    @Override public String field() { return "asset.type"; }
    @Override public String description() { return "the asset's type is missing or null"; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return record.hasAssetObject();
    }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.type();
    }
}
