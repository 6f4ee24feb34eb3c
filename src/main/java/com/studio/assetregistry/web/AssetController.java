package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.registry.AssetRegistry;
import io.swagger.v3.oas.annotations.Operation;
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

    private final AssetRegistry registry;

    AssetController(AssetRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "List assets a page at a time (name, type, version count), ordered by name and type")
    @GetMapping(path = "/assets", params = "!asset")
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

    @Operation(summary = "How many assets each type has, by type: {\"character\": 12, \"prop\": 3}")
    @GetMapping("/assets/types")
    Map<String, Long> types() {
        return registry.countAssetsByType();
    }

    @Operation(summary = "One asset with every version")
    @GetMapping(path = "/assets", params = "asset")
    AssetDocument get(@RequestParam String asset, @RequestParam String type) {
        return registry.getAsset(asset, type).map(AssetDocument::of)
                .orElseThrow(() -> notRegistered(asset, type));
    }

    @Operation(summary = "One asset at a glance: version counts per status and department, each department's latest")
    @GetMapping("/assets/overview")
    AssetOverview overview(@RequestParam String asset, @RequestParam String type) {
        return registry.getAssetOverview(asset, type).orElseThrow(() -> notRegistered(asset, type));
    }

    @Operation(summary = "Add an asset with at least one version: {\"name\", \"type\", \"versions\": [{\"department\","
            + " \"version\", \"status\"}]}, or load-format records of one asset")
    @PostMapping(path = "/assets", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/x-ndjson"})
    ResponseEntity<AssetDocument> add(@RequestBody byte[] body) {
        Asset added = registry.addAsset(body);
        return ResponseEntity.created(Locations.asset(added.key().name(), added.key().type()))
                .body(AssetDocument.of(added));
    }

    static NotFoundException notRegistered(String name, String type) {
        return new NotFoundException(new AssetKey(name, type) + " is not registered");
    }
}
