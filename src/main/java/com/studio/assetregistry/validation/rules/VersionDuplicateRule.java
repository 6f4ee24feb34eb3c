package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.CrossRecordRule;
import com.studio.assetregistry.validation.VersionFinding;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** One asset, department and version per load: the first record that passes the record rules wins. */
@Component
@Order(100)
public class VersionDuplicateRule implements CrossRecordRule {

    @Override public String id() { return "version.duplicate"; }
    @Override public String field() { return "version"; }
    @Override public String description() {
        return "an earlier record in the same file has the same asset, department and version";
    }

    @Override
    public Optional<Violation> check(VersionFinding finding) {
        if (!finding.isRepeat()) {
            return Optional.empty();
        }
        return Optional.of(violation(finding.candidate().label() + " already appears in record "
                + finding.firstRecordNumber()));
    }
}
