package com.studio.assetregistry.registry;

import com.studio.assetregistry.validation.Violation;
import java.util.List;
import java.util.stream.Collectors;

/** An add was refused: it carries every rule it broke. Nothing was registered. */
public class AssetValidationException extends RuntimeException {

    private final transient List<Violation> violations;
    private final boolean conflict;

    /** A refusal for what the add itself holds: a rule it breaks, alone or against its other versions. */
    public AssetValidationException(List<Violation> violations) {
        this(violations, false);
    }

    /**
     * @param conflict whether every violation is with what is registered: the asset exists, or a version is
     *                 registered already
     */
    public AssetValidationException(List<Violation> violations, boolean conflict) {
        super(violations.stream().map(v -> v.rule() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
        this.conflict = conflict;
    }

    /** Every violation, at least one. */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * Whether the add conflicts with what is registered, and with nothing else: the asset exists, or a version is
     * registered already (as it is, or with another status). The REST API answers it with 409, other refusals with
     * 422.
     */
    public boolean conflict() {
        return conflict;
    }
}
