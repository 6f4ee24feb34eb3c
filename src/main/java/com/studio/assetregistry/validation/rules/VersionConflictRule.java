package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.CrossRecordRule;
import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A registered version is never rewritten: a record that gives it another status is rejected. */
@Component
@Order(110)
public class VersionConflictRule implements CrossRecordRule {

    @Override public String id() { return "version.conflict"; }
    @Override public String field() { return "status"; }
    @Override public String description() {
        return "that asset, department and version is already registered with another status";
    }

    @Override
    public Optional<Violation> check(VersionFinding finding) {
        String registered = finding.registeredStatus();
        String requested = finding.candidate().version().status();
        if (registered == null || registered.equals(requested)) {
            return Optional.empty();
        }
        return Optional.of(violation(finding.candidate().label() + " is registered as " + registered
                + ", this record says " + requested));
    }
}
