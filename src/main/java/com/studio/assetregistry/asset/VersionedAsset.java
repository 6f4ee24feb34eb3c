package com.studio.assetregistry.asset;

import java.util.Objects;

/**
 * One version together with the asset it belongs to: a row of the registry, and the shape of one input record.
 *
 * @param asset   the asset
 * @param version the version
 */
public record VersionedAsset(AssetKey asset, AssetVersion version) {

    public VersionedAsset {
        Objects.requireNonNull(asset, "The asset key must not be null.");
        Objects.requireNonNull(version, "The version must not be null.");
    }

    /** The form used in messages: {@code hero/character/modeling v4}. */
    public String label() {
        return asset + "/" + version.department() + " v" + version.version();
    }
}
