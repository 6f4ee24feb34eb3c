package com.studio.assetregistry.validation;

import com.studio.assetregistry.asset.VersionedAsset;
import java.util.List;
import java.util.Objects;

/**
 * One version record as read from its source, uncoerced, ready to be judged by the {@link RecordRule}s.
 * <p>
 * {@code name} and {@code type} are the properties of the {@code asset} object; they are {@link FieldValue#MISSING}
 * when {@code asset} is not an object. Properties the model does not know are not kept.
 *
 * @param root               the JSON kind of the record itself; anything but an object is malformed
 * @param asset              the {@code asset} property
 * @param name               {@code asset.name}
 * @param type               {@code asset.type}
 * @param department         {@code department}
 * @param version            {@code version}
 * @param status             {@code status}
 * @param repeatedProperties property names that appear more than once, as {@code asset.name} for nested ones
 */
public record InputRecord(FieldValue.Kind root, FieldValue asset, FieldValue name, FieldValue type,
                          FieldValue department, FieldValue version, FieldValue status,
                          List<String> repeatedProperties) {

    public InputRecord {
        Objects.requireNonNull(root, "The root kind must not be null.");
        Objects.requireNonNull(asset, "The asset value must not be null.");
        Objects.requireNonNull(name, "The name value must not be null.");
        Objects.requireNonNull(type, "The type value must not be null.");
        Objects.requireNonNull(department, "The department value must not be null.");
        Objects.requireNonNull(version, "The version value must not be null.");
        Objects.requireNonNull(status, "The status value must not be null.");
        repeatedProperties = List.copyOf(repeatedProperties);
    }

    /** A record whose root is not an object: it has none of the model's properties. */
    public static InputRecord notAnObject(FieldValue.Kind root) {
        FieldValue m = FieldValue.MISSING;
        return new InputRecord(root, m, m, m, m, m, m, List.of());
    }

    /** The record a well-typed version would have been written as; used by the Java API's add methods. */
    public static InputRecord of(VersionedAsset version) {
        return new InputRecord(FieldValue.Kind.OBJECT, FieldValue.OBJECT,
                nullable(version.asset().name()), nullable(version.asset().type()),
                nullable(version.version().department()),
                FieldValue.integer(Integer.toString(version.version().version())),
                nullable(version.version().status()), List.of());
    }

    private static FieldValue nullable(String value) {
        return value == null ? FieldValue.NULL : FieldValue.string(value);
    }

    /** Whether the record is a JSON object, the only shape a version record can have. */
    public boolean isObject() {
        return root == FieldValue.Kind.OBJECT;
    }

    /** Whether {@code asset} is an object, so that its name and type can be judged. */
    public boolean hasAssetObject() {
        return isObject() && asset.kind() == FieldValue.Kind.OBJECT;
    }
}
