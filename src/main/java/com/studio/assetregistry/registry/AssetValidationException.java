package com.studio.assetregistry.registry;

import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** An add was refused: it carries every rule it broke. Nothing was registered. */
public class AssetValidationException extends RuntimeException {

    private final transient List<Violation> violations;

    public AssetValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.rule() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    /** Every violation, at least one. */
    public List<Violation> violations() {
        return violations;
    }
}
