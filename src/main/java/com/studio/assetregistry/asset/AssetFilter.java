package com.studio.assetregistry.asset;

/**
 * Which assets a listing shows. A {@code null} part does not filter.
 *
 * @param type     only assets of this type
 * @param nameLike only assets whose whole name matches this pattern: {@code *} stands for any characters (none
 *                 included), {@code ?} for exactly one, every other character for itself; ASCII letters match
 *                 regardless of case
 */
public record AssetFilter(String type, String nameLike) {

    /** Every asset. */
    public static final AssetFilter ALL = new AssetFilter(null, null);
}
