package com.studio.assetregistry.registry;

import com.studio.assetregistry.asset.AssetKey;

/** A version was added to an asset that is not registered; {@code addAsset} creates assets. */
public class AssetNotFoundException extends RuntimeException {

    private final AssetKey asset;

    public AssetNotFoundException(AssetKey asset) {
        super("No asset " + asset + " is registered; add it with addAsset first");
        this.asset = asset;
    }

    /** The asset that was not found. */
    public AssetKey asset() {
        return asset;
    }
}
