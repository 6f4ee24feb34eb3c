package com.studio.assetregistry.asset;

import java.util.Objects;

/**
 * Identifies an asset: an asset is unique by its name and its type.
 *
 * @param name the asset's name, e.g. {@code hero}
 * @param type the asset's type, e.g. {@code character}
 */
public record AssetKey(String name, String type) implements Comparable<AssetKey> {

    public AssetKey {
        Objects.requireNonNull(name, "The asset name must not be null.");
        Objects.requireNonNull(type, "The asset type must not be null.");
    }

    @Override
    public int compareTo(AssetKey other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : type.compareTo(other.type);
    }

    /** The form used in messages and reports: {@code hero/character}. */
    @Override
    public String toString() {
        return name + "/" + type;
    }
}
