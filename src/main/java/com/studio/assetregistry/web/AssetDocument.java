package com.studio.assetregistry.web;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An asset with every version: what {@code POST /assets} takes and answers, and {@code GET /assets?asset=&type=}
 * answers.
 *
 * @param name     the asset's name
 * @param type     its type
 * @param versions its versions, by department and version
 */
@Schema(requiredProperties = {"name", "type", "versions"})
record AssetDocument(String name, String type, List<AssetVersion> versions) {

    static AssetDocument of(Asset asset) {
        return new AssetDocument(asset.key().name(), asset.key().type(), asset.versions());
    }
}
