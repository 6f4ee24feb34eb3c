package com.studio.assetregistry.validation.rules;

import com.studio.assetregistry.validation.Rule;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Adding an asset creates it: an asset already registered gets new versions through {@code addAssetVersion}. */
@Component
@Order(200)
public class AssetExistsRule implements Rule {

    @Override public String id() { return "asset.exists"; }
    @Override public String field() { return "asset"; }
    @Override public String description() { return "an asset is added under a name and type that is already registered"; }
    @Override public boolean configurable() { return false; }
}
