package com.studio.assetregistry.storage;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Reads the registry. Writes go through {@link LoadStore}, so that every version is registered by the same
 * cross-record rules, whether it comes from a file or from the Java API.
 * <p>
 * Implementations are thread-safe. Lists are ordered by asset name and type, then department and version.
 */
public interface AssetStore {

    /** The asset with all its versions, or empty if it is not registered. */
    Optional<Asset> findAsset(AssetKey key);

    /** Whether the asset is registered. */
    boolean exists(AssetKey key);

    /**
     * The load in progress that has written the asset, which is not registered until that load ends; empty if none
     * has (the asset is registered, or unknown).
     */
    OptionalLong pendingLoadOf(AssetKey key);

    /** Every registered asset, without its versions. */
    List<AssetKey> listAssets();

    /**
     * One page of the assets the filter lets through, with their version counts, ordered by name and type: the first
     * {@code limit} that come after {@code after}, or from the first one when {@code after} is {@code null}. Paging
     * by key instead of by offset keeps every page as quick as the first, and lets a caller stream a registry of any
     * size a page at a time.
     */
    List<AssetListing> listAssets(AssetFilter filter, AssetKey after, int limit);

    /** The asset's versions; empty if the asset is not registered. */
    List<AssetVersion> listVersions(AssetKey key);

    /** The asset's versions with this number, one per department that has it. */
    List<AssetVersion> findVersions(AssetKey key, int version);

    /** The asset's version with this number in this department. */
    Optional<AssetVersion> findVersion(AssetKey key, String department, int version);

    /** Streams every registered version to {@code action}, in order, holding only a few in memory. */
    void forEachVersion(Consumer<VersionedAsset> action);

    /** How many versions are registered. */
    long countVersions();

    /** How many assets are registered of each type that has one, ordered by type. */
    Map<String, Long> countAssetsByType();

    /** Whether a registered asset has this type. */
    boolean holdsType(String type);

    /** Whether a registered version is of this department. */
    boolean holdsDepartment(String department);

    /** Whether a registered version has this status. */
    boolean holdsStatus(String status);
}
