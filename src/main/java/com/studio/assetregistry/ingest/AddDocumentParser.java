package com.studio.assetregistry.ingest;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.Rule;
import com.studio.assetregistry.validation.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Parses the JSON documents of {@link AddFileReader} with Jackson's streaming parser, values uncoerced as in a load,
 * within the reader limits: an asset, {@code {"name", "type", "versions": [...]}}, or a version. Tells them from
 * load-format records. Thread-safe: it keeps no state between documents.
 */
final class AddDocumentParser {

    private final JsonFactory json;
    private final Rule syntax;
    private final Rule tooLarge;
    private final Rule malformed;

    AddDocumentParser(ReaderLimits limits, Rule syntax, Rule tooLarge, Rule malformed) {
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxStringLength(limits.maxRecordBytes())
                        .maxNameLength(limits.maxRecordBytes())
                        .build())
                .build();
        this.syntax = syntax;
        this.tooLarge = tooLarge;
        this.malformed = malformed;
    }

    /** A JSON object of a document, uncoerced: the root, or one element of its {@code versions} array. */
    static final class JsonObject {

        private final FieldValue.Kind kind;
        private final Map<String, FieldValue> values = new HashMap<>();
        private final List<String> repeated = new ArrayList<>(0);
        private final List<JsonObject> versions = new ArrayList<>();

        private JsonObject(FieldValue.Kind kind) {
            this.kind = kind;
        }

        FieldValue get(String name) {
            return values.getOrDefault(name, FieldValue.MISSING);
        }

        /** Whether it is an object, or else the kind of value that stands where an object belongs. */
        FieldValue.Kind kind() {
            return kind;
        }

        /** The names of the properties it repeats. */
        List<String> repeated() {
            return repeated;
        }

        /** The elements of the root's {@code versions} array. */
        List<JsonObject> versions() {
            return versions;
        }
    }

    /** A parsed document, or why it could not be parsed. */
    record Document(JsonObject root, List<Violation> violations) {

        static Document broken(Violation violation) {
            return new Document(null, List.of(violation));
        }
    }

    /**
     * Why bytes that begin as another encoding's text (UTF-16, UTF-32) or a compressed file's cannot be read as UTF-8,
     * as {@code json.syntax}: whatever they hold, a document or load-format records.
     */
    Optional<Violation> notUtf8(byte[] bytes) {
        return FileEncoding.otherThanUtf8(bytes, Math.min(FileEncoding.HEAD_BYTES, bytes.length))
                .map(encoding -> syntax.violation("the file is " + FileEncoding.describe(encoding) + ", not UTF-8; "
                        + FileEncoding.remedy(encoding, "FILE")));
    }

    /** Parses a document from its text, so that columns count characters, as they do in a load's report. */
    Document parse(byte[] bytes) {
        Optional<Violation> notUtf8 = notUtf8(bytes);
        if (notUtf8.isPresent()) {
            return Document.broken(notUtf8.get());
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return Document.broken(syntax.violation("the file is not valid UTF-8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), text)) {
            try {
                return read(parser);
            } catch (StreamConstraintsException e) { // it has no location: name the token it broke on
                return Document.broken(tooLarge.violation(where(parser.currentTokenLocation())
                        + ReaderLimits.describe(e)));
            }
        } catch (JacksonException e) {
            return Document.broken(syntax.violation(where(e.getLocation()) + JsonSyntaxMessages.of(e)));
        }
    }

    private Document read(JsonParser parser) {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return Document.broken(syntax.violation("the document is empty: it must hold one JSON object"));
        }
        if (token != JsonToken.START_OBJECT) {
            return Document.broken(malformed.violation("the document holds "
                    + RecordParser.valueOf(parser, token).kind().described() + ", not a JSON object"));
        }
        JsonObject root = readObject(parser, true);
        if (parser.nextToken() != null) {
            return Document.broken(syntax.violation(where(parser.currentTokenLocation())
                    + "unexpected content after the end of the object"));
        }
        return new Document(root, List.of());
    }

    /** Reads an object's properties; the parser stands on its START_OBJECT. Only the root holds versions. */
    private static JsonObject readObject(JsonParser parser, boolean root) {
        var object = new JsonObject(FieldValue.Kind.OBJECT);
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken token = parser.nextToken();
            if (object.values.containsKey(name)) { // a repeated property keeps its first value, as in a load
                object.repeated.add(name);
                parser.skipChildren();
            } else if (root && name.equals("versions") && token == JsonToken.START_ARRAY) {
                object.values.put(name, new FieldValue(FieldValue.Kind.ARRAY, null));
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    object.versions.add(token == JsonToken.START_OBJECT ? readObject(parser, false)
                            : new JsonObject(RecordParser.valueOf(parser, token).kind()));
                }
            } else {
                object.values.put(name, RecordParser.valueOf(parser, token));
            }
        }
        return object;
    }

    /**
     * Whether the bytes hold one JSON value and nothing after it, as a pretty-printed document does; or else content
     * that is not JSON at all, which the parser of the one record says where.
     */
    boolean holdsOneValue(byte[] bytes) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException e) {
            return true;
        }
    }

    /**
     * Whether the file is in the load format: an array, or lines of records, which an asset document is told from by
     * the {@code asset} property of its first object.
     */
    boolean isLoadFormat(byte[] bytes) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return token == JsonToken.START_ARRAY;
            }
            String name;
            while ((name = parser.nextName()) != null) {
                if (name.equals("asset")) {
                    return true;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            return false;
        } catch (JacksonException e) {
            return false; // a broken document: the document parser says where
        }
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }
}
