package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every asset has a name. */
@Component
@Order(20)
public class NameRequiredRule implements RecordRule {

    @Override public String id() { return "name.required"; }
    @Override public String field() { return "asset.name"; }
    @Override public String description() { return "the asset's name is missing, null or blank"; }
    @Override public boolean configurable() { return false; }

    @Override
    public boolean appliesTo(InputRecord record) {
        return record.hasAssetObject();
    }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue name = record.name();
        if (name.isMissingOrNull()) {
            return Optional.of(violation("asset.name is " + name.describe()));
        }
        if (name.isBlankString()) {
            return Optional.of(violation("asset.name is blank"));
        }
        return Optional.empty();
    }
}
