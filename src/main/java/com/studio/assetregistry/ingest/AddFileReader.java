package com.studio.assetregistry.ingest;

import com.studio.assetregistry.asset.Asset;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.files.FileFailures;
import com.studio.assetregistry.ingest.AddDocumentParser.Document;
import com.studio.assetregistry.ingest.AddDocumentParser.JsonObject;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.RecordValidator;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.AssetVersionsRequiredRule;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.RecordMalformedRule;
import com.studio.assetregistry.validation.rules.RecordTooLargeRule;
import com.studio.assetregistry.validation.rules.VersionDuplicateRule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads the small JSON files that the Java API's add methods take, and checks them against the record rules, so that
 * a file is judged by the same rules, under the same ids, as a record of a load:
 * <ul>
 * <li>an asset: {@code {"name": ..., "type": ..., "versions": [{"department": ..., "version": ..., "status": ...}]}},
 * or records in the load format (an array, one per line, or one object over several lines) that are all of one
 * asset;</li>
 * <li>a version: {@code {"department": ..., "version": ..., "status": ...}}, or one record in the load format, of the
 * asset it is added to.</li>
 * </ul>
 * Values are taken exactly as written, as in a load, and properties the model does not know are ignored. Every
 * violation says where it stands: in a document, its field is the path of the value ({@code versions[1].status},
 * counted from 0); in a load-format file, its message starts with the record's number, line and column.
 * <p>
 * A file is read whole into memory, so it may be at most {@code registry.reader.max-record-bytes} long; bigger files
 * are for a load. Thread-safe.
 */
@Component
public class AddFileReader {

    private static final String ASSET_FIELD = "asset.";

    private final RecordValidator validator;
    private final RecordParser recordParser;
    private final ReaderLimits limits;
    private final Rules rules;
    private final AddDocumentParser documents;

    AddFileReader(RecordValidator validator, RecordParser recordParser, ReaderLimits limits,
                  JsonSyntaxRule syntax, RecordTooLargeRule tooLarge, RecordMalformedRule malformed,
                  AssetVersionsRequiredRule versionsRequired, VersionDuplicateRule duplicate) {
        this.validator = validator;
        this.recordParser = recordParser;
        this.limits = limits;
        this.rules = new Rules(tooLarge, malformed, versionsRequired, duplicate);
        this.documents = new AddDocumentParser(limits, syntax, tooLarge, malformed);
    }

    /** The rules a file can break besides the record rules: before its records are judged, and across them. */
    private record Rules(RecordTooLargeRule tooLarge, RecordMalformedRule malformed,
                         AssetVersionsRequiredRule versionsRequired, VersionDuplicateRule duplicate) {
    }

    /**
     * What a file holds: the value, when it keeps every record rule, or else every violation.
     *
     * @param value      the value read; {@code null} when there are violations
     * @param violations every violation, in the order of the file; empty when the value is valid
     */
    public record Read<T>(T value, List<Violation> violations) {

        public Read {
            violations = List.copyOf(violations);
        }

        static <T> Read<T> invalid(List<Violation> violations) {
            return new Read<>(null, violations);
        }
    }

    /**
     * Reads an asset file: an asset document, or load-format records of one asset.
     *
     * @throws InputFileException if the file cannot be read, or holds records of more than one asset
     */
    public Read<Asset> readAsset(Path file) {
        return assetOf(file.toString(), readSmallFile(file));
    }

    /**
     * Reads an asset document, or load-format records of one asset, from a stream such as standard input, which it
     * leaves open.
     *
     * @param source what to call the stream in messages, e.g. {@code standard input}
     * @throws InputFileException if the stream cannot be read, or holds records of more than one asset
     */
    public Read<Asset> readAsset(InputStream in, String source) {
        return assetOf(source, readSmallStream(in, source));
    }

    /** The asset in bytes read with the size limit, {@code null} when they were over it. */
    private Read<Asset> assetOf(String source, byte[] bytes) {
        if (bytes == null) {
            return Read.invalid(List.of(tooLarge()));
        }
        return readAsset(bytes, source);
    }

    /**
     * Reads an asset from the bytes of a JSON document, as {@link #readAsset(Path)} reads a file: an HTTP request's
     * body, say.
     *
     * @param name what the bytes are called in messages
     * @throws InputFileException if they hold records of more than one asset
     */
    public Read<Asset> readAsset(byte[] bytes, String name) {
        if (bytes.length > limits.maxRecordBytes()) {
            return Read.invalid(List.of(tooLarge()));
        }
        Optional<Violation> notUtf8 = documents.notUtf8(bytes);
        if (notUtf8.isPresent()) { // a UTF-16 array would otherwise be read as records, each one garbled
            return Read.invalid(List.of(notUtf8.get()));
        }
        return documents.isLoadFormat(bytes) ? readRecords(name, bytes) : readAssetDocument(bytes);
    }

    /**
     * Reads one version record in the load format, {@code {"asset": {"name", "type"}, "department", "version",
     * "status"}}, judged by the record rules exactly as a load judges a record. Violations name the record's fields
     * ({@code asset.name}, {@code version}); bytes that hold no record, or more than one, are {@code record.malformed}.
     */
    public Read<VersionedAsset> readVersionRecord(byte[] bytes) {
        if (bytes.length > limits.maxRecordBytes()) {
            return Read.invalid(List.of(tooLarge()));
        }
        Optional<Violation> notUtf8 = documents.notUtf8(bytes);
        if (notUtf8.isPresent()) {
            return Read.invalid(List.of(notUtf8.get()));
        }
        Supplier<RawRecord> records = recordsOf(bytes);
        RawRecord first = records.get();
        if (first == null || records.get() != null) {
            return Read.invalid(List.of(rules.malformed().violation(
                    "the document must hold exactly one version record, a JSON object")));
        }
        SourceRecord record = recordParser.parse(first);
        if (record instanceof SourceRecord.Unreadable unreadable) {
            return Read.invalid(List.of(unreadable.violation()));
        }
        InputRecord input = ((SourceRecord.Parsed) record).input();
        List<Violation> violations = validator.validate(input).errors();
        return violations.isEmpty() ? valid(RecordCheckProcessor.toVersion(input)) : Read.invalid(violations);
    }

    /**
     * Reads a version file, {@code {"department": ..., "version": ..., "status": ...}}, of {@code asset}, or one record
     * in the load format; a document that names another asset is {@code record.malformed}.
     *
     * @throws InputFileException if the file cannot be read
     */
    public Read<AssetVersion> readVersion(Path file, AssetKey asset) {
        return readVersion(readSmallFile(file), asset);
    }

    /**
     * Reads a version document of {@code asset} from a stream such as standard input, which it leaves open.
     *
     * @param source what to call the stream in messages, e.g. {@code standard input}
     * @throws InputFileException if the stream cannot be read
     */
    public Read<AssetVersion> readVersion(InputStream in, String source, AssetKey asset) {
        return readVersion(readSmallStream(in, source), asset);
    }

    private Read<AssetVersion> readVersion(byte[] bytes, AssetKey asset) {
        if (bytes == null) {
            return Read.invalid(List.of(tooLarge()));
        }
        // both ways refuse another encoding: readVersionRecord, and the document parser
        if (isAnObject(bytes) && documents.isLoadFormat(bytes)) { // a load's record: of this asset, or refused
            Read<VersionedAsset> record = readVersionRecord(bytes);
            if (!record.violations().isEmpty()) {
                return Read.invalid(record.violations());
            }
            return record.value().asset().equals(asset) ? valid(record.value().version())
                    : Read.invalid(List.of(otherAsset(record.value().asset().toString(), asset)));
        }
        Document document = documents.parse(bytes);
        if (!document.violations().isEmpty()) {
            return Read.invalid(document.violations());
        }
        JsonObject version = document.root();
        FieldValue name = version.get("name");
        FieldValue type = version.get("type");
        String namedName = name.isString() ? name.text() : asset.name();
        String namedType = type.isString() ? type.text() : asset.type();
        if (!namedName.equals(asset.name()) || !namedType.equals(asset.type())) { // an asset document's fields
            return Read.invalid(List.of(otherAsset(namedName + "/" + namedType, asset)));
        }
        var input = new InputRecord(FieldValue.Kind.OBJECT, FieldValue.OBJECT, FieldValue.string(asset.name()),
                FieldValue.string(asset.type()), version.get("department"), version.get("version"),
                version.get("status"), version.repeated());
        List<Violation> violations = validator.validate(input).errors();
        return violations.isEmpty() ? valid(RecordCheckProcessor.toVersion(input).version()) : Read.invalid(violations);
    }

    /**
     * The records of load-format bytes, then {@code null}: one object is one record whole, lines and all, as a
     * pretty-printed document or request body is written; anything else is split as a load splits a file (an array's
     * elements, or one record per line).
     */
    private Supplier<RawRecord> recordsOf(byte[] bytes) {
        if (isAnObject(bytes) && documents.holdsOneValue(bytes)) {
            var whole = new RawRecord(new RecordPosition(1, 1, 1, 0, bytes.length), bytes, bytes.length, false, null);
            boolean[] taken = {false};
            return () -> {
                if (taken[0]) {
                    return null;
                }
                taken[0] = true;
                return whole;
            };
        }
        return new RecordSplitter(new ByteArrayInputStream(bytes), limits.maxRecordBytes())::next;
    }

    /** Whether the first byte after white space (and a UTF-8 byte-order mark) opens a JSON object. */
    private static boolean isAnObject(byte[] bytes) {
        int at = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
                ? 3 : 0;
        while (at < bytes.length && (bytes[at] == ' ' || bytes[at] == '\t' || bytes[at] == '\n' || bytes[at] == '\r')) {
            at++;
        }
        return at < bytes.length && bytes[at] == '{';
    }

    /** A version document that names another asset than the one it is added to, a slip to refuse, not to ignore. */
    private Violation otherAsset(String named, AssetKey asset) {
        return rules.malformed().violation("the document is a version of " + named + ", not of " + asset
                + ", the asset it is added to");
    }

    /** Records in the load format: each is judged as a load would judge it, then they must all be of one asset. */
    private Read<Asset> readRecords(String source, byte[] bytes) {
        Supplier<RawRecord> records = recordsOf(bytes);
        List<Violation> violations = new ArrayList<>();
        List<VersionedAsset> versions = new ArrayList<>();
        List<RecordPosition> positions = new ArrayList<>();
        RawRecord raw;
        while ((raw = records.get()) != null) {
            SourceRecord record = recordParser.parse(raw);
            String where = where(record.position());
            if (record instanceof SourceRecord.Unreadable unreadable) {
                violations.add(located(where, unreadable.violation()));
                continue;
            }
            InputRecord input = ((SourceRecord.Parsed) record).input();
            List<Violation> found = validator.validate(input).errors();
            found.forEach(violation -> violations.add(located(where, violation)));
            if (found.isEmpty()) {
                versions.add(RecordCheckProcessor.toVersion(input));
                positions.add(record.position());
            }
        }
        if (versions.isEmpty() && violations.isEmpty()) {
            return Read.invalid(List.of(rules.versionsRequired().violation("the document holds no record")));
        }
        Set<AssetKey> assets = new TreeSet<>();
        versions.forEach(version -> assets.add(version.asset()));
        if (assets.size() == 1) {
            violations.addAll(repeatedVersions(versions, i -> "record " + positions.get(i).recordNumber(),
                    (i, violation) -> located(where(positions.get(i)), violation)));
        }
        if (!violations.isEmpty()) {
            return Read.invalid(violations);
        }
        if (assets.size() > 1) {
            throw new InputFileException(source + " holds versions of " + assets.size() + " assets ("
                    + assets.stream().limit(3).map(AssetKey::toString).collect(Collectors.joining(", "))
                    + (assets.size() > 3 ? ", ..." : "") + "); an add takes one asset's: load the file instead");
        }
        return valid(new Asset(assets.iterator().next(), versions.stream().map(VersionedAsset::version).toList()));
    }

    /** An asset document: its name and type are judged once, each version under its own path. */
    private Read<Asset> readAssetDocument(byte[] bytes) {
        Document document = documents.parse(bytes);
        if (!document.violations().isEmpty()) {
            return Read.invalid(document.violations());
        }
        JsonObject root = document.root();
        Set<Violation> assetViolations = new LinkedHashSet<>(repeated(root, "record"));
        List<Violation> versionViolations = new ArrayList<>();
        List<AssetVersion> versions = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>(); // of each valid version in the document's versions
        for (int i = 0; i < root.versions().size(); i++) {
            String path = "versions[" + i + "]";
            JsonObject version = root.versions().get(i);
            if (version.kind() != FieldValue.Kind.OBJECT) {
                versionViolations.add(atField(path, rules.malformed().violation(
                        path + " is " + version.kind().described() + ", not a JSON object")));
                continue;
            }
            var input = new InputRecord(FieldValue.Kind.OBJECT, FieldValue.OBJECT, root.get("name"),
                    root.get("type"), version.get("department"), version.get("version"), version.get("status"),
                    version.repeated());
            List<Violation> found = validator.validate(input).errors();
            for (Violation violation : found) {
                if (violation.field().startsWith(ASSET_FIELD)) {
                    assetViolations.add(atField(violation.field().substring(ASSET_FIELD.length()), violation));
                } else {
                    versionViolations.add(atField(violation.field().equals("record") ? path
                            : path + "." + violation.field(), violation));
                }
            }
            if (found.isEmpty()) {
                versions.add(RecordCheckProcessor.toVersion(input).version());
                indexes.add(i);
            }
        }
        if (assetViolations.isEmpty() && !versions.isEmpty()) {
            var key = new AssetKey(root.get("name").text(), root.get("type").text());
            versionViolations.addAll(repeatedVersions(versions.stream().map(v -> new VersionedAsset(key, v)).toList(),
                    i -> "versions[" + indexes.get(i) + "]",
                    (i, violation) -> atField("versions[" + indexes.get(i) + "]." + violation.field(), violation)));
            versionViolations.sort(Comparator.comparing(AddFileReader::versionIndex));
        }
        if (root.versions().isEmpty()) {
            // no version to judge the name and type with: judge them alone, and say that a version is needed
            var input = new InputRecord(FieldValue.Kind.OBJECT, FieldValue.OBJECT, root.get("name"),
                    root.get("type"), FieldValue.MISSING, FieldValue.MISSING, FieldValue.MISSING, List.of());
            validator.validate(input).errors().stream().filter(violation -> violation.field().startsWith(ASSET_FIELD))
                    .forEach(violation -> assetViolations.add(
                            atField(violation.field().substring(ASSET_FIELD.length()), violation)));
            assetViolations.add(rules.versionsRequired().violation(noVersions(root.get("versions"))));
        }
        List<Violation> violations = new ArrayList<>(assetViolations);
        violations.addAll(versionViolations);
        if (!violations.isEmpty()) {
            return Read.invalid(violations);
        }
        return valid(new Asset(new AssetKey(root.get("name").text(), root.get("type").text()), versions));
    }

    /**
     * The versions a file gives twice, which an add judges here, with the record rules, so that a refused add names
     * every violation at once. (A gap is judged when the add registers, against the versions the registry holds.)
     *
     * @param versions the versions that keep every record rule, of one asset, in the file's order
     * @param name     how a message names the i-th of them: {@code versions[2]}, {@code record 3}
     * @param place    puts the i-th one's violation where it stands in the file
     */
    private List<Violation> repeatedVersions(List<VersionedAsset> versions, IntFunction<String> name,
                                             BiFunction<Integer, Violation, Violation> place) {
        Map<String, Integer> first = new HashMap<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionedAsset record = versions.get(i);
            Integer earlier = first.putIfAbsent(record.version().department() + ' ' + record.version().version(), i);
            if (earlier != null) {
                violations.add(place.apply(i, rules.duplicate().violation(record.label() + " already appears as "
                        + name.apply(earlier))));
            }
        }
        return violations;
    }

    /** The index of the version a violation's field names ({@code versions[2].status}), for ordering them. */
    private static int versionIndex(Violation violation) {
        String field = violation.field();
        int close = field.indexOf(']');
        return field.startsWith("versions[") && close > 0 ? Integer.parseInt(field.substring(9, close)) : -1;
    }

    private static String noVersions(FieldValue versions) {
        return switch (versions.kind()) {
            case MISSING -> "versions is missing: an asset is added with at least one version";
            case ARRAY -> "versions is empty: an asset is added with at least one version";
            default -> "versions is " + versions.describe() + ", not an array of versions";
        };
    }

    /** The violation of {@code record.malformed} for the object's repeated properties, if it has any. */
    private List<Violation> repeated(JsonObject object, String field) {
        var input = new InputRecord(FieldValue.Kind.OBJECT, FieldValue.OBJECT, FieldValue.MISSING, FieldValue.MISSING,
                FieldValue.MISSING, FieldValue.MISSING, FieldValue.MISSING, object.repeated());
        return rules.malformed().check(input).map(violation -> atField(field, violation)).stream().toList();
    }

    /** The file's bytes, or {@code null} if it is longer than a record may be. */
    private byte[] readSmallFile(Path file) {
        if (!Files.exists(file)) {
            throw new InputFileException("Cannot read " + file + ": " + FileFailures.noSuchFile(file.toString()));
        }
        if (!Files.isRegularFile(file)) {
            throw new InputFileException("Cannot read " + file + ": not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) { // read up to the limit: the file may grow meanwhile
            return readSmallStream(in, file.toString());
        } catch (IOException e) {
            throw new InputFileException("Cannot read " + file + ": " + FileFailures.reason(e), e);
        }
    }

    /** The stream's bytes, or {@code null} if it holds more than a record may. */
    private byte[] readSmallStream(InputStream in, String source) {
        try {
            byte[] bytes = in.readNBytes(limits.maxRecordBytes() + 1);
            return bytes.length > limits.maxRecordBytes() ? null : bytes;
        } catch (IOException e) {
            throw new InputFileException("Cannot read " + source + ": " + FileFailures.reason(e), e);
        }
    }

    private Violation tooLarge() {
        return rules.tooLarge().violation("the document is larger than " + limits.maxRecordBytes()
                + " bytes (registry.reader.max-record-bytes): load a file that large instead");
    }

    private static <T> Read<T> valid(T value) {
        return new Read<>(value, List.of());
    }

    private static Violation atField(String field, Violation violation) {
        return new Violation(violation.rule(), field, violation.message());
    }

    private static Violation located(String where, Violation violation) {
        return new Violation(violation.rule(), violation.field(), where + violation.message());
    }

    private static String where(RecordPosition position) {
        return "record " + position.recordNumber() + " (line " + position.line() + ", column " + position.column()
                + "): ";
    }
}
