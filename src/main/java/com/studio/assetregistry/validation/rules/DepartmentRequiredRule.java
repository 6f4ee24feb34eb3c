package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every version record has {@code department}. */
@Component
@Order(40)
public class DepartmentRequiredRule extends RequiredValueRule {

    @Override public String id() { return "department.required"; }
    @Override public String field() { return "department"; }
    @Override public String description() { return "the department is missing, null or blank"; }

    @Override
    boolean blankIsMissing() {
        return true;
    }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.department();
    }
}
