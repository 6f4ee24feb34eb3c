package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every version record has {@code version}. */
@Component
@Order(50)
public class VersionRequiredRule extends RequiredValueRule {

    @Override public String id() { return "version.required"; }
    @Override public String field() { return "version"; }
    @Override public String description() { return "the version is missing or null"; }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.version();
    }
}
