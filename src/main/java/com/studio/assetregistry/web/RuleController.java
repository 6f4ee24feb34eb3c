package com.studio.assetregistry.web;

import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.validation.RuleEntry;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /rules}: the rule catalogue with the settings in force. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RuleController {

    private final AssetRegistry registry;

    RuleController(AssetRegistry registry) {
        this.registry = registry;
    }

    @Operation(operationId = "listRules",
            summary = "Every rule in checking order: id, field, description, severity, enabled, configurable")
    @GetMapping(path = "/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RuleEntry> rules() {
        return registry.listRules();
    }
}
