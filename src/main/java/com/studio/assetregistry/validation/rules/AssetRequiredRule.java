package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordRule;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The {@code asset} property must be an object (holding the asset's name and type). */
@Component
@Order(10)
public class AssetRequiredRule implements RecordRule {

    @Override public String id() { return "asset.required"; }
    @Override public String field() { return "asset"; }
    @Override public String description() { return "asset is missing, null or not an object"; }
    @Override public boolean configurable() { return false; }

    @Override
    public Optional<Violation> check(InputRecord record) {
        FieldValue asset = record.asset();
        return switch (asset.kind()) {
            case OBJECT -> Optional.empty();
            case MISSING -> Optional.of(violation("asset is missing"));
            case NULL -> Optional.of(violation("asset is null"));
            default -> Optional.of(violation("asset must be an object with name and type, got " + asset.describe()));
        };
    }
}
