package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.registry.AssetRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /assets}: the assets, a page at a time or one with its versions, and adding an asset with its versions.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AssetController {

    /**
     * {@code GET /assets} is one operation with two handlers, told apart by {@code asset}: springdoc merges them, so
     * both carry its whole description.
     */
    private static final String ASSETS_SUMMARY = "List assets a page at a time, or get one asset with every version";
    private static final String ASSETS_DESCRIPTION = "With asset and type, the one asset with every version (404 if"
            + " it is not registered; asset without type is a 400). Otherwise a page of assets with their version"
            + " counts, ordered by name and type, optionally of one type and with names starting with name (compared"
            + " exactly, case included); limit 1 to 1000 (default 100), cursor the nextCursor of the previous page.";

    private final AssetRegistry registry;

    AssetController(AssetRegistry registry) {
        this.registry = registry;
    }

    @Operation(operationId = "getAssets",
            summary = ASSETS_SUMMARY, description = ASSETS_DESCRIPTION)
    @GetMapping(path = "/assets", params = "!asset", produces = MediaType.APPLICATION_JSON_VALUE)
    Paging.Page<AssetListing> list(@RequestParam(required = false) String type,
                                   @RequestParam(required = false) String name,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        int size = Paging.limit(limit);
        AssetKey after = null;
        if (cursor != null) {
            List<String> key = Paging.parts(cursor, 2);
            after = new AssetKey(key.get(0), key.get(1));
        }
        List<AssetListing> found = registry.listAssets(type, name, after, size + 1);
        if (found.size() <= size) {
            return new Paging.Page<>(found, null);
        }
        AssetListing last = found.get(size - 1);
        return new Paging.Page<>(found.subList(0, size), Paging.cursor(last.name(), last.type()));
    }

    @Operation(operationId = "countAssetsByType",
            summary = "How many assets each type has, by type: {\"character\": 12, \"prop\": 3}")
    @GetMapping(path = "/assets/types", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Long> types() {
        return registry.countAssetsByType();
    }

    /**
     * Neither parameter is required in Spring's terms, so that the description's merged {@code GET /assets} does not
     * mark them required for listing: {@code asset} is there (the mapping says so), and a missing {@code type} is
     * answered here as Spring answers a missing parameter.
     */
    @Operation(operationId = "getAssets",
            summary = ASSETS_SUMMARY, description = ASSETS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "a page of assets, or the one asset with every version")
    @ApiResponse(responseCode = "400", description = "a type no asset can have (neither the rules' model nor the"
            + " registry has it), a limit or cursor this API cannot use (/problems/bad-parameter)")
    @ApiResponse(responseCode = "404", description = "the asset is not registered (/problems/not-found)")
    @GetMapping(path = "/assets", params = "asset", produces = MediaType.APPLICATION_JSON_VALUE)
    AssetDocument get(@RequestParam(required = false) String asset, @RequestParam(required = false) String type) {
        if (type == null) {
            throw new BadParameterException("type", "the query parameter type is required");
        }
        if (asset.isBlank() || type.isBlank()) { // no name or type can be blank: a link that lost its values
            String empty = asset.isBlank() ? "asset" : "type";
            throw new BadParameterException(empty, "the query parameter " + empty + " is empty; give the asset's "
                    + (asset.isBlank() ? "name" : "type"));
        }
        return registry.getAsset(asset, type).map(AssetDocument::of)
                .orElseThrow(() -> notRegistered(asset, type));
    }

    @Operation(operationId = "getAssetOverview",
            summary = "One asset at a glance: version counts per status and department, each department's latest")
    @ApiResponse(responseCode = "200", description = "the asset at a glance")
    @ApiResponse(responseCode = "404", description = "the asset is not registered (/problems/not-found)")
    @GetMapping(path = "/assets/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    AssetOverview overview(@RequestParam String asset, @RequestParam String type) {
        return registry.getAssetOverview(asset, type).orElseThrow(() -> notRegistered(asset, type));
    }

    @Operation(operationId = "addAsset",
            summary = "Add an asset with at least one version: {\"name\", \"type\", \"versions\": [{\"department\","
            + " \"version\", \"status\"}]}, or load-format records of one asset",
            description = "Judged as written, as the command line's add judges a file: every rule, all or nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(
                            description = "an asset document; or load-format records of one asset, one or an array",
                            oneOf = {AssetDocument.class, VersionRecord.class, VersionRecord[].class})),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(
                            implementation = VersionRecord.class,
                            description = "load-format records of one asset, one per line"))}))
    @ApiResponse(responseCode = "201", description = "added: the asset as registered",
            headers = @Header(name = "Location", description = "the asset: /assets?asset=&type=",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "400", description = "the body is not JSON (/problems/not-json)")
    @ApiResponse(responseCode = "409", description = "the asset is already registered (/problems/conflict)")
    @ApiResponse(responseCode = "422", description = "it breaks rules, every one listed in violations"
            + " (/problems/rules-broken); or the records are of more than one asset (/problems/unusable-input)")
    @PostMapping(path = "/assets",
            consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AssetDocument> add(@RequestBody byte[] body) {
        Asset added = registry.addAsset(body);
        return ResponseEntity.created(Locations.asset(added.key().name(), added.key().type()))
                .body(AssetDocument.of(added));
    }

    static NotFoundException notRegistered(String name, String type) {
        return new NotFoundException(new AssetKey(name, type) + " is not registered");
    }
}
