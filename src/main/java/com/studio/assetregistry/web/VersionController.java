package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.registry.AssetRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /assets/versions}: an asset's versions, one version number, and adding the next version. */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VersionController {

    private final AssetRegistry registry;

    VersionController(AssetRegistry registry) {
        this.registry = registry;
    }

    @Operation(operationId = "listVersions",
            summary = "An asset's versions by department and version, optionally of one department or status;"
            + " with version=N, that version in each department (or in one)")
    @ApiResponse(responseCode = "200", description = "the versions, by department and version")
    @ApiResponse(responseCode = "400", description = "a department or status no version can have (neither the rules'"
            + " model nor the registry has it), or a version under 1 (/problems/bad-parameter)")
    @ApiResponse(responseCode = "404", description = "the asset is not registered, or has no such version"
            + " (/problems/not-found)")
    @GetMapping(path = "/assets/versions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AssetVersion> list(@RequestParam String asset, @RequestParam String type,
                            @RequestParam(required = false) String department,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) Integer version) {
        if (version != null && version < 1) {
            throw new BadParameterException("version", "version must be 1 or more, not " + version);
        }
        registry.requireKnownDepartment(department);
        registry.requireKnownStatus(status);
        List<AssetVersion> versions = registry.listAssetVersions(asset, type);
        if (versions.isEmpty()) {
            throw AssetController.notRegistered(asset, type);
        }
        List<AssetVersion> found = versions.stream()
                .filter(v -> department == null || v.department().equals(department))
                .filter(v -> status == null || v.status().equals(status))
                .filter(v -> version == null || v.version() == version)
                .toList();
        if (version != null && found.isEmpty()) {
            throw new NotFoundException(asset + "/" + type + " has no version " + version
                    + (department == null ? "" : " in " + department)
                    + (status == null ? "" : " with status " + status));
        }
        return found;
    }

    @Operation(operationId = "addVersion",
            summary = "Add the next version of a department: {\"asset\": {\"name\", \"type\"}, \"department\","
            + " \"version\", \"status\"}",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = VersionRecord.class))))
    @ApiResponse(responseCode = "201", description = "added: the record as registered",
            headers = @Header(name = "Location",
                    description = "the version: /assets/versions?asset=&type=&department=&version=",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = "the body is not JSON (/problems/not-json)")
    @ApiResponse(responseCode = "404", description = "the asset is not registered (/problems/not-found)")
    @ApiResponse(responseCode = "409", description = "that version is registered already, or with another status"
            + " (/problems/conflict)")
    @ApiResponse(responseCode = "422", description = "it breaks rules, version.sequence included, every one listed"
            + " in violations (/problems/rules-broken)")
    @PostMapping(path = "/assets/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VersionRecord> add(@RequestBody byte[] body) {
        VersionedAsset added = registry.addAssetVersion(body);
        return ResponseEntity.created(Locations.version(added.asset().name(), added.asset().type(),
                added.version().department(), added.version().version())).body(VersionRecord.of(added));
    }
}
