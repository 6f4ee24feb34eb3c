package com.studio.assetregistry.registry;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetFilter;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetListing;
import com.studio.assetregistry.asset.AssetOverview;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.ingest.AddFileReader;
import com.studio.assetregistry.ingest.AssetLoader;
import com.studio.assetregistry.ingest.AssetLoader.PreparedLoad;
import com.studio.assetregistry.ingest.LoadProgress;
import com.studio.assetregistry.ingest.LoadProgressReader;
import com.studio.assetregistry.ingest.InputFileException;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.report.ReportedReject;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.StagedVersion;
import com.studio.assetregistry.validation.CrossRecordValidator;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordValidator;
import com.studio.assetregistry.validation.RuleCatalogue;
import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.AssetExistsRule;
import com.studio.assetregistry.validation.rules.AssetVersionsRequiredRule;
import com.studio.assetregistry.validation.rules.VersionDuplicateRule;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The asset registry's Java API: load files of version records, add assets and versions, and query what is
 * registered.
 * <p>
 * Every entry point applies the same rules: {@link #addAsset} and {@link #addAssetVersion} check the record rules and
 * then register through the same set-wise cross-record rules as a load, in one transaction, so an add is all or
 * nothing. Invalid input is refused with an {@link AssetValidationException} carrying every violation of a rule whose
 * severity is error; a rule whose severity is warning does not refuse an add (the API has no report to list the
 * warning in). A missing asset is an empty {@link Optional}, never {@code null}. Thread-safe.
 */
@Service
public class AssetRegistry {

    /** How many assets a page of {@link #forEachAsset} holds: a few hundred kilobytes at most. */
    private static final int ASSET_PAGE = 1_000;

    /** Resolved on the first load: a query has no use for the batch machinery, and a lazy context skips it. */
    private final ObjectProvider<AssetLoader> loader;
    /** Reads the JobRepository: resolved on the first progress asked for, for the same reason. */
    private final ObjectProvider<LoadProgressReader> progress;
    /** Reads a reject's record text back into a JSON tree. */
    private final JsonMapper json = JsonMapper.builder().build();
    private final AssetStore assets;
    private final LoadStore loads;
    private final RecordValidator recordValidator;
    private final CrossRecordValidator crossRecordValidator;
    private final RuleCatalogue catalogue;
    private final Rules rules;
    private final TransactionTemplate transaction;
    private final RegistryExporter exporter;
    private final AddFileReader addFiles;

    AssetRegistry(ObjectProvider<AssetLoader> loader, ObjectProvider<LoadProgressReader> progress, AssetStore assets, LoadStore loads, AddFileReader addFiles,
                  RecordValidator recordValidator, CrossRecordValidator crossRecordValidator,
                  RuleCatalogue catalogue, AssetExistsRule assetExists,
                  AssetVersionsRequiredRule versionsRequired, VersionDuplicateRule duplicate,
                  PlatformTransactionManager transactionManager) {
        this.loader = loader;
        this.progress = progress;
        this.catalogue = catalogue;
        this.assets = assets;
        this.loads = loads;
        this.recordValidator = recordValidator;
        this.crossRecordValidator = crossRecordValidator;
        this.rules = new Rules(assetExists, versionsRequired, duplicate);
        this.transaction = new TransactionTemplate(transactionManager);
        this.exporter = new RegistryExporter(assets);
        this.addFiles = addFiles;
    }

    /** The rules only the add methods apply. */
    private record Rules(AssetExistsRule assetExists, AssetVersionsRequiredRule versionsRequired,
                         VersionDuplicateRule duplicate) {
    }

    /**
     * Loads a JSON file of version records (a top-level array, or one record per line): registers every valid record
     * and writes a rejection report for the others.
     *
     * @param file the file to load
     * @return what the load did
     * @throws LoadException if the file cannot be read or the load cannot finish
     */
    public LoadSummary loadAssets(Path file) {
        return loader.getObject().load(file);
    }

    /**
     * Records a load of {@code file} and returns it ready to {@link #runLoad run}, for a caller that runs loads in
     * the background and needs the run id at once. The two together are {@link #loadAssets(Path)}.
     *
     * @param source what the run's source says: the file as its user named it
     * @throws LoadException if the file cannot be read
     */
    public PreparedLoad prepareLoad(Path file, String source) {
        return loader.getObject().prepare(file, source);
    }

    /**
     * Runs a load {@link #prepareLoad} recorded, in the calling thread.
     *
     * @throws LoadException if the load cannot finish, or rejects more records than the budget allows
     */
    public LoadSummary runLoad(PreparedLoad load) {
        return loader.getObject().run(load);
    }

    /**
     * Registers a new asset with its versions.
     *
     * @param asset the asset, with at least one version; per department its versions must be 1..N
     * @return the asset as registered
     * @throws AssetValidationException if the asset is already registered or any version breaks a rule
     */
    public Asset addAsset(Asset asset) {
        Objects.requireNonNull(asset, "The asset must not be null.");
        List<Violation> violations = new ArrayList<>(checkRecords(asset.key(), asset.versions()));
        if (asset.versions().isEmpty()) {
            violations.add(rules.versionsRequired().violation(asset.key() + " has no version; add at least one"));
        }
        if (violations.isEmpty() && assets.exists(asset.key())) {
            violations.add(rules.assetExists().violation(asset.key()
                    + " is already registered; add new versions to it instead"));
        }
        register(asset.key(), asset.versions(), violations, "addAsset " + asset.key());
        return assets.findAsset(asset.key()).orElseThrow();
    }

    /**
     * Registers a new version of a registered asset.
     *
     * @param asset   the asset
     * @param version the version; it must be the next one of its department
     * @return the version as registered
     * @throws AssetNotFoundException   if the asset is not registered
     * @throws AssetValidationException if the version breaks a rule or is already registered
     */
    public AssetVersion addAssetVersion(AssetKey asset, AssetVersion version) {
        Objects.requireNonNull(asset, "The asset must not be null.");
        Objects.requireNonNull(version, "The version must not be null.");
        List<Violation> violations = new ArrayList<>(checkRecords(asset, List.of(version)));
        if (violations.isEmpty() && !assets.exists(asset)) {
            throw new AssetNotFoundException(asset);
        }
        register(asset, List.of(version), violations, "addAssetVersion " + asset);
        return version;
    }

    /**
     * Registers a new asset from a JSON file: an asset document,
     * {@code {"name": ..., "type": ..., "versions": [{"department": ..., "version": ..., "status": ...}]}}, or
     * records in the load format that are all of one asset. Values are judged exactly as written, as in a load.
     *
     * @return the asset as registered
     * @throws AssetValidationException with every violation, each saying where in the file it stands, if the file
     *                                  breaks a rule or the asset is already registered
     * @throws InputFileException       if the file cannot be read, or holds versions of several assets
     */
    public Asset addAsset(Path file) {
        var read = addFiles.readAsset(file);
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        return addAsset(read.value());
    }

    /**
     * Registers a new version of a registered asset from a JSON file,
     * {@code {"department": ..., "version": ..., "status": ...}}. Values are judged exactly as written.
     *
     * @return the version as registered
     * @throws AssetNotFoundException   if the asset is not registered
     * @throws AssetValidationException with every violation if the file breaks a rule or the version is registered
     * @throws InputFileException       if the file cannot be read
     */
    public AssetVersion addAssetVersion(AssetKey asset, Path file) {
        Objects.requireNonNull(asset, "The asset must not be null.");
        var read = addFiles.readVersion(file, asset);
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        return addAssetVersion(asset, read.value());
    }

    /**
     * Registers a new asset from the bytes of a JSON document, judged exactly as {@link #addAsset(Path)} judges a
     * file: an HTTP request's body, say.
     *
     * @throws AssetValidationException with every violation
     * @throws InputFileException       if the document holds versions of several assets
     */
    public Asset addAsset(byte[] document) {
        var read = addFiles.readAsset(document, "the document");
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        return addAsset(read.value());
    }

    /**
     * Registers a new version from the bytes of one record in the load format,
     * {@code {"asset": {"name", "type"}, "department", "version", "status"}}, judged by the record rules as a load
     * judges a record, then as {@link #addAssetVersion(AssetKey, AssetVersion)}.
     *
     * @return the version as registered, with its asset
     * @throws AssetNotFoundException   if the asset is not registered
     * @throws AssetValidationException with every violation
     */
    public VersionedAsset addAssetVersion(byte[] record) {
        var read = addFiles.readVersionRecord(record);
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        VersionedAsset version = read.value();
        addAssetVersion(version.asset(), version.version());
        return version;
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
        if (limit < 1) {
            throw new IllegalArgumentException("The page size must be 1 or more, got " + limit + ".");
        }
        if (namePrefix == null || namePrefix.isEmpty()) {
            return assets.listAssets(new AssetFilter(type, null), after, limit);
        }
        // The name pattern matches ASCII letters in either case and has no escape for its wildcards, so it only
        // narrows the search ('*' and '?' in the prefix stand for themselves or anything); the exact prefix is kept
        // here, reading on until the page is full or the assets run out.
        var filter = new AssetFilter(type, namePrefix.replace('*', '?') + "*");
        List<AssetListing> page = new ArrayList<>(Math.min(limit, ASSET_PAGE));
        AssetKey from = after;
        List<AssetListing> batch;
        do {
            batch = assets.listAssets(filter, from, limit);
            for (AssetListing listing : batch) {
                if (listing.name().startsWith(namePrefix) && page.size() < limit) {
                    page.add(listing);
                }
            }
            from = batch.isEmpty() ? from : batch.get(batch.size() - 1).key();
        } while (page.size() < limit && batch.size() == limit);
        return page;
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

    /** How many assets are registered of each type that has one, ordered by type. */
    public Map<String, Long> countAssetsByType() {
        return assets.countAssetsByType();
    }

    /** The asset's compact view (counts, and per department the latest version), or empty if it is not registered. */
    public Optional<AssetOverview> getAssetOverview(String name, String type) {
        return getAsset(name, type).map(AssetOverview::of);
    }

    /** The {@code limit} most recent runs, loads and API calls alike, the latest first. */
    public List<RunInfo> listRuns(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The number of runs must be 1 or more, got " + limit + ".");
        }
        return loads.recentRuns(limit).stream().map(RunInfo::of).toList();
    }

    /** The run with this id, a load or an API call, or empty if there is none. */
    public Optional<RunInfo> getRun(long runId) {
        return loads.findRun(runId).map(RunInfo::of);
    }

    /**
     * How far a load has gone, from what its job committed last; empty if the run is not a load. A finished load's
     * phase is {@code finished}. Reads what any process running the load has committed.
     */
    public Optional<LoadProgress> getLoadProgress(long runId) {
        return loads.findRun(runId).flatMap(run -> progress.getObject().progress(run));
    }

    /**
     * One page of a run's rejects in record order, in the shape of {@code rejects.jsonl}: the first {@code limit}
     * after record number {@code afterRecord} (0 for the first page), only those that broke {@code rule} when it is
     * not {@code null}. Read from the registry, so the rejects of a running load are there as its chunks commit.
     */
    public List<ReportedReject> listRejects(long runId, String rule, long afterRecord, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The page size must be 1 or more, got " + limit + ".");
        }
        return loads.rejects(runId, rule, afterRecord, limit).stream().map(reject -> new ReportedReject(
                reject.position().recordNumber(), reject.position().line(), reject.position().column(),
                reject.violations().stream().map(v -> new ReportedReject.BrokenRule(v.rule(), v.field(),
                        v.message())).toList(),
                json.readTree(reject.recordJson()))).toList();
    }

    /** The {@code rejects.jsonl} file of a finished load, if its report has been written and is still there. */
    public Optional<Path> getRejectsFile(long runId) {
        return loads.findRun(runId).map(run -> run.reportDir())
                .map(dir -> Path.of(dir).resolve(RejectReportWriter.REJECTS_FILE))
                .filter(Files::isRegularFile);
    }

    /** The asset with its versions, or empty if it is not registered. */
    public Optional<Asset> getAsset(String name, String type) {
        return assets.findAsset(new AssetKey(name, type));
    }

    /** The asset's versions with this number, one per department that has it; empty if there is none. */
    public List<AssetVersion> getAssetVersion(String name, String type, int version) {
        return assets.findVersions(new AssetKey(name, type), version);
    }

    /** The asset's version with this number in this department, or empty. */
    public Optional<AssetVersion> getAssetVersion(String name, String type, int version, String department) {
        return assets.findVersion(new AssetKey(name, type), department, version);
    }

    /**
     * Every rule, in the order records are checked, with the settings of the rules file in force: id, field,
     * description, severity, whether it is enabled, and whether the rules file may change that.
     */
    public List<RuleEntry> listRules() {
        return catalogue.entries();
    }

    /**
     * Writes the whole registry to {@code out} in the load format, sorted by name, type, department and version;
     * leaves {@code out} open.
     *
     * @return how many version records were written
     */
    public long exportAssets(Writer out) {
        return exporter.export(out);
    }

    private List<Violation> checkRecords(AssetKey key, List<AssetVersion> versions) {
        Set<Violation> violations = new LinkedHashSet<>(); // one bad name is reported once, not once per version
        for (AssetVersion version : versions) {
            violations.addAll(recordValidator.validate(InputRecord.of(new VersionedAsset(key, version))).errors());
        }
        return new ArrayList<>(violations);
    }

    /**
     * Registers the versions through the cross-record rules in one transaction, or throws with every violation and
     * registers nothing. A version already registered as it is counts as a duplicate here: an add must add.
     */
    private void register(AssetKey key, List<AssetVersion> versions, List<Violation> violations, String source) {
        if (!violations.isEmpty()) {
            throw new AssetValidationException(violations);
        }
        transaction.executeWithoutResult(status -> {
            List<StagedVersion> staged = new ArrayList<>(versions.size());
            for (AssetVersion version : versions) {
                var record = new VersionedAsset(key, version);
                assets.findVersion(key, version.department(), version.version())
                        .filter(registered -> registered.status().equals(version.status()))
                        .ifPresent(same -> violations.add(
                                rules.duplicate().violation(record.label() + " is already registered")));
                staged.add(new StagedVersion(RecordPosition.ofNumber(staged.size() + 1), record));
            }
            long runId = loads.startRun("api", source, 0, Instant.now());
            loads.stage(runId, staged);
            loads.resolve(runId, finding -> violations.addAll(crossRecordValidator.validate(finding.finding())));
            if (!violations.isEmpty()) {
                throw new AssetValidationException(violations);
            }
            loads.finishRun(runId, "COMPLETED", Instant.now(), staged.size(), null, null);
        });
    }
}
