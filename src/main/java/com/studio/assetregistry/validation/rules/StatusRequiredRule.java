package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every version record has {@code status}. */
@Component
@Order(60)
public class StatusRequiredRule extends RequiredValueRule {

    @Override public String id() { return "status.required"; }
    @Override public String field() { return "status"; }
    @Override public String description() { return "the status is missing or null"; }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.status();
    }
}
