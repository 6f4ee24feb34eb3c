package com.studio.assetregistry.asset;

import java.util.Objects;

/**
 * An asset as a listing shows it: its name, its type and how many versions it has. Also the JSON shape of one
 * element of a listing, for the command line and the REST API.
 *
 * @param name     the asset's name
 * @param type     the asset's type
 * @param versions how many versions it has, in all departments
 */
public record AssetListing(String name, String type, long versions) {

    public AssetListing {
        Objects.requireNonNull(name, "The asset name must not be null.");
        Objects.requireNonNull(type, "The asset type must not be null.");
    }

    /** The asset's key. */
    public AssetKey key() {
        return new AssetKey(name, type);
    }
}
