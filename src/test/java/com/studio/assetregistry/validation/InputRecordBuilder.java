package com.studio.assetregistry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Builds {@link InputRecord}s for tests, starting from a valid record ({@code hero/character}, {@code modeling},
 * version 1, {@code active}) so that each test only states the property it is about.
 * <p>
 * Public because the rule tests live in {@code validation.rules}; it is test code only.
 */
public final class InputRecordBuilder {

    public static final FieldValue MISSING = FieldValue.MISSING;
    public static final FieldValue NULL = FieldValue.NULL;
    public static final FieldValue OBJECT = FieldValue.OBJECT;
    public static final FieldValue ARRAY = new FieldValue(FieldValue.Kind.ARRAY, null);

    private FieldValue asset = FieldValue.OBJECT;
    private FieldValue name = FieldValue.string("hero");
    private FieldValue type = FieldValue.string("character");
    private FieldValue department = FieldValue.string("modeling");
    private FieldValue version = FieldValue.integer("1");
    private FieldValue status = FieldValue.string("active");
    private final List<String> repeated = new ArrayList<>();

    private InputRecordBuilder() {
    }

    /** A record every record rule accepts. */
    public static InputRecordBuilder aValidRecord() {
        return new InputRecordBuilder();
    }

    /** A record whose root is a JSON value of {@code kind} rather than an object. */
    public static InputRecord aRecordThatIs(FieldValue.Kind kind) {
        return InputRecord.notAnObject(kind);
    }

    /**
     * Records in which {@code asset} is not an object, so that {@code asset.name} and {@code asset.type} cannot be
     * judged (they are missing, as the parser leaves them): for {@code @MethodSource}.
     */
    public static Stream<Arguments> recordsWithoutAnAssetObject() {
        return Stream.of(
                Arguments.of("asset missing", aValidRecord().asset(MISSING).build()),
                Arguments.of("asset null", aValidRecord().asset(NULL).build()),
                Arguments.of("asset a string", aValidRecord().asset(string("hero")).build()),
                Arguments.of("asset an array", aValidRecord().asset(ARRAY).build()),
                Arguments.of("record an array", aRecordThatIs(FieldValue.Kind.ARRAY)),
                Arguments.of("record null", aRecordThatIs(FieldValue.Kind.NULL)));
    }

    public static FieldValue string(String text) {
        return FieldValue.string(text);
    }

    public static FieldValue integer(String literal) {
        return FieldValue.integer(literal);
    }

    public static FieldValue decimal(String literal) {
        return new FieldValue(FieldValue.Kind.DECIMAL, literal);
    }

    public static FieldValue bool(boolean value) {
        return new FieldValue(FieldValue.Kind.BOOLEAN, Boolean.toString(value));
    }

    /**
     * Sets {@code asset}. As the parser does, a non-object asset leaves {@code asset.name} and {@code asset.type}
     * missing.
     */
    public InputRecordBuilder asset(FieldValue value) {
        this.asset = value;
        if (value.kind() != FieldValue.Kind.OBJECT) {
            this.name = FieldValue.MISSING;
            this.type = FieldValue.MISSING;
        }
        return this;
    }

    public InputRecordBuilder name(FieldValue value) {
        this.name = value;
        return this;
    }

    public InputRecordBuilder name(String value) {
        return name(FieldValue.string(value));
    }

    public InputRecordBuilder type(FieldValue value) {
        this.type = value;
        return this;
    }

    public InputRecordBuilder type(String value) {
        return type(FieldValue.string(value));
    }

    public InputRecordBuilder department(FieldValue value) {
        this.department = value;
        return this;
    }

    public InputRecordBuilder department(String value) {
        return department(FieldValue.string(value));
    }

    public InputRecordBuilder version(FieldValue value) {
        this.version = value;
        return this;
    }

    /** Sets {@code version} to the JSON integer written as {@code literal}. */
    public InputRecordBuilder version(String literal) {
        return version(FieldValue.integer(literal));
    }

    public InputRecordBuilder status(FieldValue value) {
        this.status = value;
        return this;
    }

    public InputRecordBuilder status(String value) {
        return status(FieldValue.string(value));
    }

    /** Property names the record repeats, as {@code asset.name} for nested ones. */
    public InputRecordBuilder repeating(String... properties) {
        repeated.addAll(List.of(properties));
        return this;
    }

    public InputRecord build() {
        return new InputRecord(FieldValue.Kind.OBJECT, asset, name, type, department, version, status, repeated);
    }
}
