package com.studio.assetregistry.registry;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.jdbc.SqliteReadOnlyStores;
import com.studio.assetregistry.validation.ModelValues;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The read side of the asset registry's Java API: what is registered, and the recent runs. {@link AssetRegistry}
 * answers its queries with it; a program that only reads can also open one on a SQLite registry without starting
 * the application, with {@link #openReadOnly(Path)}, which is how the command line's queries start fast.
 * <p>
 * A missing asset is an empty {@link Optional} or list, never {@code null}. The one the application holds is
 * thread-safe; one opened read-only reads through one connection, for one thread, until it is closed.
 */
@Service
public final class AssetQueries implements AutoCloseable {

    /** How many assets a page of {@link #forEachAsset} holds: a few hundred kilobytes at most. */
    private static final int ASSET_PAGE = 1_000;

    private final AssetStore assets;
    private final LoadStore loads;
    private final RegistryExporter exporter;
    private final ModelValues model;
    private final AutoCloseable resources;

    @Autowired
    AssetQueries(AssetStore assets, LoadStore loads, ModelValues model) {
        this(assets, loads, model, () -> { });
    }

    private AssetQueries(AssetStore assets, LoadStore loads, ModelValues model, AutoCloseable resources) {
        this.assets = Objects.requireNonNull(assets, "The asset store must not be null.");
        this.loads = Objects.requireNonNull(loads, "The load store must not be null.");
        this.model = Objects.requireNonNull(model, "The model values must not be null.");
        this.exporter = new RegistryExporter(assets);
        this.resources = resources;
    }

    /**
     * Opens the SQLite registry {@code file} read-only, without Spring, if its schema is the one this release writes.
     * Its model is the brief's, that of the rules file in the jar ({@link #requireKnownType}). Close it when done.
     *
     * @return the queries, or empty if the file does not exist, is not a registry, or needs a migration first: start
     *         the application then (its Flyway migrates the file), and use its {@link AssetRegistry}
     */
    public static Optional<AssetQueries> openReadOnly(Path file) {
        Objects.requireNonNull(file, "The registry file must not be null.");
        return SqliteReadOnlyStores.open(file)
                .map(stores -> new AssetQueries(stores.assets(), stores.loads(), ModelValues.defaults(), stores));
    }

    /** The asset with its versions, or empty if it is not registered. */
    public Optional<Asset> getAsset(String name, String type) {
        return assets.findAsset(new AssetKey(name, type));
    }

    /** The asset's compact view (counts, and per department the latest version), or empty if it is not registered. */
    public Optional<AssetOverview> getAssetOverview(String name, String type) {
        return getAsset(name, type).map(AssetOverview::of);
    }

    /** The asset's versions with this number, one per department that has it; empty if there is none. */
    public List<AssetVersion> getAssetVersion(String name, String type, int version) {
        return assets.findVersions(new AssetKey(name, type), version);
    }

    /** The asset's version with this number in this department, or empty. */
    public Optional<AssetVersion> getAssetVersion(String name, String type, int version, String department) {
        return assets.findVersion(new AssetKey(name, type), department, version);
    }

    /** Every registered asset, ordered by name and type. */
    public List<AssetKey> listAssets() {
        return assets.listAssets();
    }

    /** The versions of an asset, ordered by department and version; empty if the asset is not registered. */
    public List<AssetVersion> listAssetVersions(String name, String type) {
        return assets.listVersions(new AssetKey(name, type));
    }

    /**
     * One page of the assets the filter lets through, ordered by name and type, with their version counts.
     *
     * @param filter which assets; {@link AssetFilter#ALL} for every one
     * @param after  the last asset of the previous page, or {@code null} for the first page
     * @param limit  the most assets the page holds, 1 or more; a shorter page is the last
     */
    public List<AssetListing> listAssets(AssetFilter filter, AssetKey after, int limit) {
        Objects.requireNonNull(filter, "The filter must not be null.");
        requireKnownType(filter.type());
        return assets.listAssets(filter, after, limit);
    }

    /**
     * One page of the assets of a type (every type when {@code null}) whose names start with {@code namePrefix}
     * (compared exactly, case included; every name when {@code null}), ordered by name and type.
     *
     * @param after the last asset of the previous page, or {@code null} for the first page
     * @param limit the most assets the page holds, 1 or more; a shorter page is the last
     */
    public List<AssetListing> listAssets(String type, String namePrefix, AssetKey after, int limit) {
        return listAssets(AssetFilter.prefixed(type, namePrefix), after, limit);
    }

    /** How many assets are registered of each type that has one, ordered by type. */
    public Map<String, Long> countAssetsByType() {
        return assets.countAssetsByType();
    }

    /**
     * Hands every asset the filter lets through to {@code action}, ordered by name and type, with their version
     * counts. Reads a page at a time, so memory does not grow with the registry, and holds no database transaction
     * between pages: assets registered meanwhile may or may not be seen.
     *
     * @return how many assets it handed on
     */
    public long forEachAsset(AssetFilter filter, Consumer<AssetListing> action) {
        Objects.requireNonNull(filter, "The filter must not be null.");
        Objects.requireNonNull(action, "The action must not be null.");
        requireKnownType(filter.type());
        long count = 0;
        AssetKey after = null;
        List<AssetListing> page;
        do {
            page = assets.listAssets(filter, after, ASSET_PAGE);
            page.forEach(action);
            count += page.size();
            after = page.isEmpty() ? null : page.get(page.size() - 1).key();
        } while (page.size() == ASSET_PAGE);
        return count;
    }

    /**
     * Refuses a type no asset can have: one the model in force does not know and no registered asset has. The
     * listings check their filter's type with it; {@code null} passes.
     *
     * @throws UnknownValueException if the type is unknown, naming the model's types
     */
    public void requireKnownType(String type) {
        requireKnown("type", type, model.types(), assets::holdsType);
    }

    /** As {@link #requireKnownType}, for a department, which a filter of versions names. */
    public void requireKnownDepartment(String department) {
        requireKnown("department", department, model.departments(), assets::holdsDepartment);
    }

    /** As {@link #requireKnownType}, for a status, which a filter of versions names. */
    public void requireKnownStatus(String status) {
        requireKnown("status", status, model.statuses(), assets::holdsStatus);
    }

    /** The registry is asked only for a value the model does not know: a scan of a table, for a rare case. */
    private static void requireKnown(String field, String value, Set<String> known, Predicate<String> registered) {
        if (value != null && !known.contains(value) && !registered.test(value)) {
            throw new UnknownValueException(field, value, known);
        }
    }

    /** The {@code limit} most recent runs, loads and API calls alike, the latest first. */
    public List<RunInfo> listRuns(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of runs must be 1 or more, got " + limit + ".");
        }
        return loads.recentRuns(limit).stream().map(RunInfo::of).toList();
    }

    /**
     * Writes the whole registry to {@code out} in the load format, sorted by name, type, department and version;
     * leaves {@code out} open.
     *
     * @return how many version records were written
     */
    public long exportAssets(Writer out) {
        Objects.requireNonNull(out, "The writer must not be null.");
        return exporter.export(out);
    }

    /** Closes the connection of queries opened read-only; does nothing for the application's. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot close the registry: " + e.getMessage(), e);
        }
    }
}
