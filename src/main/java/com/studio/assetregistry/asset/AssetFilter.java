package com.studio.assetregistry.asset;

/**
 * Which assets a listing shows. A {@code null} part does not filter.
 *
 * @param type       only assets of this type
 * @param nameLike   only assets whose whole name matches this pattern: {@code *} stands for any characters (none
 *                   included), {@code ?} for exactly one, every other character for itself; ASCII letters match
 *                   regardless of case
 * @param namePrefix only assets whose name starts with this text, compared exactly (case included, no wildcard)
 */
public record AssetFilter(String type, String nameLike, String namePrefix) {

    /** Every asset. */
    public static final AssetFilter ALL = new AssetFilter(null, null, null);

    /** Assets of a type, or of every type when {@code type} is {@code null}, whose whole name matches a pattern. */
    public AssetFilter(String type, String nameLike) {
        this(type, nameLike, null);
    }

    /** Assets of a type, or of every type when {@code type} is {@code null}, whose name starts with {@code prefix}. */
    public static AssetFilter prefixed(String type, String prefix) {
        return new AssetFilter(type, null, prefix);
    }
}
