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
import com.studio.assetregistry.ingest.RunProgress;
import com.studio.assetregistry.ingest.RunOwner;
import com.studio.assetregistry.ingest.RunProgressReader;
import com.studio.assetregistry.ingest.InputFileException;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.LoadRequest;
import com.studio.assetregistry.ingest.LoadSummary;
import com.studio.assetregistry.ingest.RegistryBusyException;
import com.studio.assetregistry.ingest.RejectBudgetExceededException;
import com.studio.assetregistry.report.RejectReportReader;
import com.studio.assetregistry.report.RejectReportWriter;
import com.studio.assetregistry.report.ReportSummary;
import com.studio.assetregistry.report.ReportedReject;
import com.studio.assetregistry.storage.AssetStore;
import com.studio.assetregistry.storage.LoadInProgressException;
import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.RunStatus;
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
import java.io.InputStream;
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

/**
 * The asset registry's Java API: load files of version records, add assets and versions, and query what is
 * registered.
 * <p>
 * Every entry point applies the same rules: {@link #addAsset} and {@link #addAssetVersion} check the record rules and
 * then register through the same set-wise cross-record rules as a load, in one transaction, so an add is all or
 * nothing. Invalid input is refused with an {@link AssetValidationException} carrying every violation of a rule whose
 * severity is error; a rule whose severity is warning does not refuse an add (the API has no report to list the
 * warning in). A missing asset is an empty {@link Optional}, never {@code null}. The queries are those of
 * {@link AssetQueries}, which a program that only reads can also open without starting the application. Thread-safe.
 */
@Service
public class AssetRegistry {


    /** Resolved on the first load: a query has no use for the batch machinery, and a lazy context skips it. */
    private final ObjectProvider<AssetLoader> loader;
    /** Reads the JobRepository: resolved on the first progress asked for, for the same reason. */
    private final ObjectProvider<RunProgressReader> progress;
    private final AssetStore assets;
    private final LoadStore loads;
    private final RecordValidator recordValidator;
    private final CrossRecordValidator crossRecordValidator;
    private final RuleCatalogue catalogue;
    private final Rules rules;
    private final TransactionTemplate transaction;
    private final AddFileReader addFiles;
    private final AssetQueries queries;

    AssetRegistry(ObjectProvider<AssetLoader> loader, ObjectProvider<RunProgressReader> progress, AssetStore assets,
                  LoadStore loads, AddFileReader addFiles, AssetQueries queries,
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
        this.addFiles = addFiles;
        this.queries = queries;
    }

    /** The rules only the add methods apply. */
    private record Rules(AssetExistsRule assetExists, AssetVersionsRequiredRule versionsRequired,
                         VersionDuplicateRule duplicate) {
    }

    /**
     * Loads a JSON file of version records (a top-level array, or one record per line): registers every valid record
     * and writes a rejection report for the others. Content that was already loaded completely is not loaded again:
     * the summary of that earlier run is returned, marked {@link LoadSummary#alreadyLoaded()}.
     *
     * @param file the file to load
     * @return what the load did
     * @throws LoadException if the file cannot be read or the load cannot finish
     */
    public LoadSummary loadAssets(Path file) {
        return loadAssets(LoadRequest.of(file));
    }

    /**
     * Loads a JSON file of version records with options: {@link LoadRequest#force()} loads content that was already
     * loaded completely again, {@link LoadRequest#dryRun()} judges it by every rule and reports without registering
     * anything, and {@link LoadRequest#progress()} is told how the load advances, once per chunk of records. The load
     * runs in the calling thread.
     *
     * @return what the load did; for content already loaded (neither forced nor a dry run), the earlier run's
     *         summary, marked {@link LoadSummary#alreadyLoaded()}
     * @throws RejectBudgetExceededException if the load (or the load a dry run stands for) rejected more records
     *                                       than the rules file's {@code max-reject-rate} allows; nothing was
     *                                       registered, and the report was written
     * @throws LoadException                 if the file cannot be read or the load cannot finish
     */
    public LoadSummary loadAssets(LoadRequest request) {
        Objects.requireNonNull(request, "The load request must not be null.");
        return loader.getObject().load(request);
    }

    /**
     * Records a load as {@link #loadAssets(LoadRequest)} would run it, and returns it ready to {@link #runLoad run},
     * for a caller that runs loads in the background and needs the run id at once. Unlike {@code loadAssets}, it does
     * not wait for another load to end: it refuses at once. Content already loaded (neither forced nor a dry run) is
     * a no-op that names the earlier run.
     *
     * @throws RegistryBusyException if another run is loading into the registry, from this process or another
     * @throws LoadException         if the file cannot be read
     */
    public PreparedLoad prepareLoad(LoadRequest request) {
        Objects.requireNonNull(request, "The load request must not be null.");
        return loader.getObject().prepare(request);
    }

    /**
     * Runs a load {@link #prepareLoad} recorded, in the calling thread.
     *
     * @throws RejectBudgetExceededException if the load rejects more records than the budget allows
     * @throws LoadException                 if the load cannot finish
     */
    public LoadSummary runLoad(PreparedLoad load) {
        Objects.requireNonNull(load, "The prepared load must not be null.");
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
            // written by a load in progress, and registered only when it ends: not missing, not free either
            assets.pendingLoadOf(asset).ifPresent(run -> {
                throw new RegistryBusyException("Cannot add to " + asset + " now: run " + run + ", a load in"
                        + " progress, is registering this asset; try again once it has ended", run);
            });
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
        Objects.requireNonNull(file, "The file must not be null.");
        var read = addFiles.readAsset(file);
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        return addAsset(read.value());
    }

    /**
     * Registers a new asset from a stream, such as standard input, holding what {@link #addAsset(Path)} takes from a
     * file; reads at most {@code registry.reader.max-record-bytes} of it and leaves it open.
     *
     * @param source what to call the stream in messages, e.g. {@code standard input}
     * @return the asset as registered
     * @throws AssetValidationException with every violation if the document breaks a rule or the asset is registered
     * @throws InputFileException       if the stream cannot be read, or holds versions of several assets
     */
    public Asset addAsset(InputStream in, String source) {
        Objects.requireNonNull(in, "The input stream must not be null.");
        var read = addFiles.readAsset(in, source);
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
        Objects.requireNonNull(file, "The file must not be null.");
        var read = addFiles.readVersion(file, asset);
        if (!read.violations().isEmpty()) {
            throw new AssetValidationException(read.violations());
        }
        return addAssetVersion(asset, read.value());
    }

    /**
     * Registers a new version of a registered asset from a stream, such as standard input, holding what
     * {@link #addAssetVersion(AssetKey, Path)} takes from a file; leaves it open.
     *
     * @param source what to call the stream in messages, e.g. {@code standard input}
     * @return the version as registered
     * @throws AssetNotFoundException   if the asset is not registered
     * @throws AssetValidationException with every violation if the document breaks a rule or the version is registered
     * @throws InputFileException       if the stream cannot be read
     */
    public AssetVersion addAssetVersion(AssetKey asset, InputStream in, String source) {
        Objects.requireNonNull(asset, "The asset must not be null.");
        Objects.requireNonNull(in, "The input stream must not be null.");
        var read = addFiles.readVersion(in, source, asset);
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
        Objects.requireNonNull(document, "The document must not be null.");
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
        Objects.requireNonNull(record, "The record must not be null.");
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
        return queries.listAssets();
    }

    /** The versions of an asset, ordered by department and version; empty if the asset is not registered. */
    public List<AssetVersion> listAssetVersions(String name, String type) {
        return queries.listAssetVersions(name, type);
    }

    /**
     * One page of the assets the filter lets through, ordered by name and type, with their version counts.
     *
     * @param filter which assets; {@link AssetFilter#ALL} for every one
     * @param after  the last asset of the previous page, or {@code null} for the first page
     * @param limit  the most assets the page holds, 1 or more; a shorter page is the last
     */
    public List<AssetListing> listAssets(AssetFilter filter, AssetKey after, int limit) {
        return queries.listAssets(filter, after, limit);
    }

    /**
     * One page of the assets of a type (every type when {@code null}) whose names start with {@code namePrefix}
     * (compared exactly, case included; every name when {@code null}), ordered by name and type.
     *
     * @param after the last asset of the previous page, or {@code null} for the first page
     * @param limit the most assets the page holds, 1 or more; a shorter page is the last
     */
    public List<AssetListing> listAssets(String type, String namePrefix, AssetKey after, int limit) {
        return queries.listAssets(type, namePrefix, after, limit);
    }

    /**
     * Hands every asset the filter lets through to {@code action}, ordered by name and type, with their version
     * counts. Reads a page at a time, so memory does not grow with the registry, and holds no database transaction
     * between pages: assets registered meanwhile may or may not be seen.
     *
     * @return how many assets it handed on
     */
    public long forEachAsset(AssetFilter filter, Consumer<AssetListing> action) {
        return queries.forEachAsset(filter, action);
    }

    /** How many assets are registered of each type that has one, ordered by type. */
    public Map<String, Long> countAssetsByType() {
        return queries.countAssetsByType();
    }

    /** The asset's compact view (counts, and per department the latest version), or empty if it is not registered. */
    public Optional<AssetOverview> getAssetOverview(String name, String type) {
        return queries.getAssetOverview(name, type);
    }

    /** The {@code limit} most recent runs, loads and API calls alike, the latest first. */
    public List<RunInfo> listRuns(int limit) {
        return queries.listRuns(limit);
    }

    /** The run with this id, a load or an API call, or empty if there is none. */
    public Optional<RunInfo> getRun(long runId) {
        return loads.findRun(runId).map(RunInfo::of);
    }

    /**
     * How far a load has gone, from what its job committed last; empty if the run is not a load. A finished load's
     * phase is {@code finished}. Reads what any process running the load has committed.
     */
    public Optional<RunProgress> getRunProgress(long runId) {
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
                reject.recordJson())).toList();
    }

    /**
     * The {@code rejects.jsonl} file of a finished load, if its report has been written and is still there, and is
     * that run's: a reports directory that two registries share holds, under the same run id, the report of whichever
     * wrote it last.
     */
    public Optional<Path> getRejectsFile(long runId) {
        return loads.findRun(runId).filter(run -> run.reportDir() != null).flatMap(run -> {
            Path dir = Path.of(run.reportDir());
            Path file = dir.resolve(RejectReportWriter.REJECTS_FILE);
            return Files.isRegularFile(file) && isReportOf(run, dir) ? Optional.of(file) : Optional.empty();
        });
    }

    /** Whether the report in {@code dir} says it is {@code run}'s: its id, and its file's SHA-256. */
    private static boolean isReportOf(LoadRun run, Path dir) {
        try {
            ReportSummary summary = new RejectReportReader().readSummary(dir);
            return summary.run() == run.id() && Objects.equals(summary.file().sha256(), run.sha256());
        } catch (RuntimeException e) { // no summary, or not one: not a report this registry can vouch for
            return false;
        }
    }

    /** The asset with its versions, or empty if it is not registered. */
    public Optional<Asset> getAsset(String name, String type) {
        return queries.getAsset(name, type);
    }

    /** The asset's versions with this number, one per department that has it; empty if there is none. */
    public List<AssetVersion> getAssetVersion(String name, String type, int version) {
        return queries.getAssetVersion(name, type, version);
    }

    /** The asset's version with this number in this department, or empty. */
    public Optional<AssetVersion> getAssetVersion(String name, String type, int version, String department) {
        return queries.getAssetVersion(name, type, version, department);
    }

    /** See {@link AssetQueries#requireKnownType}: a type no asset can have is refused. */
    public void requireKnownType(String type) {
        queries.requireKnownType(type);
    }

    /** See {@link AssetQueries#requireKnownDepartment}: a department no version can have is refused. */
    public void requireKnownDepartment(String department) {
        queries.requireKnownDepartment(department);
    }

    /** See {@link AssetQueries#requireKnownStatus}: a status no version can have is refused. */
    public void requireKnownStatus(String status) {
        queries.requireKnownStatus(status);
    }

    /** The queries alone, the read side of this API; {@link AssetQueries#openReadOnly} opens them without Spring. */
    public AssetQueries queries() {
        return queries;
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
        return queries.exportAssets(out);
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
            boolean exists = violations.stream().allMatch(v -> v.rule().equals(rules.assetExists().id()));
            throw new AssetValidationException(violations, exists);
        }
        boolean[] otherThanRegistered = {false}; // a violation that is not of a version registered already
        try {
            transaction.executeWithoutResult(status -> {
                List<StagedVersion> staged = new ArrayList<>(versions.size());
                for (AssetVersion version : versions) {
                    staged.add(new StagedVersion(RecordPosition.ofNumber(staged.size() + 1),
                            new VersionedAsset(key, version)));
                }
                long runId = loads.startRun("api", source, 0, Instant.now());
                loads.write(runId, staged);
                // Read once written, while the add's own rows are pending and unseen: an add of the same version that
                // committed meanwhile (PostgreSQL, where adds run side by side) is seen, as its row made the write
                // wait for it.
                for (StagedVersion record : staged) {
                    AssetVersion version = record.record().version();
                    assets.findVersion(key, version.department(), version.version())
                            .filter(registered -> registered.status().equals(version.status()))
                            .ifPresent(same -> violations.add(rules.duplicate()
                                    .violation(record.record().label() + " is already registered")));
                }
                loads.resolve(runId, finding -> {
                    List<Violation> found = crossRecordValidator.validate(finding.finding());
                    // one of the add's own versions twice, or above a gap, is no conflict with the registry
                    otherThanRegistered[0] |= !found.isEmpty() && !finding.finding().isRegistered();
                    violations.addAll(found);
                });
                if (!violations.isEmpty()) {
                    throw new AssetValidationException(violations, !otherThanRegistered[0]);
                }
                loads.finishRun(runId, RunStatus.COMPLETED, Instant.now(), staged.size(), null, null);
            });
        } catch (LoadInProgressException e) {
            throw new RegistryBusyException("Cannot add to " + key + " now: " + holder(e.pendingRunId()),
                    e.pendingRunId());
        }
    }

    /**
     * Which load holds a version an add gives, and what ends its hold: one running ends it itself; one whose process
     * died (killed, the machine restarted) only once its content is loaded again, or other content is.
     */
    private String holder(long runId) {
        Optional<LoadRun> run;
        try {
            run = loads.findRun(runId);
        } catch (RuntimeException e) { // the add's own failure matters more than this one's
            run = Optional.empty();
        }
        return run.filter(RunOwner::ended).map(interrupted -> "run " + runId + ", an interrupted load of "
                        + interrupted.source() + ", holds the same version until it is resumed (load that content"
                        + " again) or abandoned (load other content)")
                .orElse("run " + runId + ", a load in progress, is registering the same version; try again once it"
                        + " has ended");
    }
}
