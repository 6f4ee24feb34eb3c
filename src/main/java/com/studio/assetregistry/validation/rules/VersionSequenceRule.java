package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.CrossRecordRule;
import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Per asset and department the registered versions are exactly 1..N. The order of records in a file does not
 * matter; a version above a gap is rejected, and so is every version above it.
 */
@Component
@Order(120)
public class VersionSequenceRule implements CrossRecordRule {

    @Override public String id() { return "version.sequence"; }
    @Override public String field() { return "version"; }
    @Override public String description() {
        return "the version would leave a gap: per asset and department the versions are exactly 1..N";
    }

    @Override
    public Optional<Violation> check(VersionFinding finding) {
        int version = finding.candidate().version().version();
        if (finding.isRegistered() || version <= finding.completeUpTo()) {
            return Optional.empty();
        }
        return Optional.of(violation(finding.candidate().label() + ": v" + (finding.completeUpTo() + 1)
                + " is missing"));
    }
}
