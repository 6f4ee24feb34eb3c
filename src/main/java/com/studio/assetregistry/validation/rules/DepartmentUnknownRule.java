package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.ModelValues;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code department} is one of the model's departments (the rules file's {@code model.departments}). */
@Component
@Order(41)
public class DepartmentUnknownRule extends KnownValueRule {

    public DepartmentUnknownRule(ModelValues model) {
        super(model.departments());
    }

    @Override public String id() { return "department.unknown"; }
    @Override public String field() { return "department"; }

    @Override
    boolean blankIsMissing() {
        return true;
    }

    @Override
    FieldValue valueOf(InputRecord record) {
        return record.department();
    }
}
