package com.studio.assetregistry.asset;

import java.util.List;
import java.util.Objects;

/**
 * An asset with its versions, ordered by department and version number.
 * <p>
 * A registered asset always has at least one version: an asset exists only through its versions.
 *
 * @param key      the asset's name and type
 * @param versions its versions
 */
public record Asset(AssetKey key, List<AssetVersion> versions) {

    public Asset {
        Objects.requireNonNull(key, "The asset key must not be null.");
        versions = List.copyOf(Objects.requireNonNull(versions, "The versions must not be null."));
    }

    /** Shorthand for {@code new Asset(new AssetKey(name, type), versions)}. */
    public static Asset of(String name, String type, List<AssetVersion> versions) {
        return new Asset(new AssetKey(name, type), versions);
    }
}
