package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.MessageText;
import com.studio.assetregistry.validation.Rule;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * Parses one record's bytes with Jackson's streaming parser into an {@link InputRecord}, keeping values uncoerced and
 * noting repeated property names. Strict JSON: comments, single quotes, NaN, trailing commas and control characters
 * in strings are syntax errors. Limits ({@link ReaderLimits}) are set on the parser on purpose.
 * <p>
 * Thread-safe: the one thing it keeps between records is whether its parsers still share the property names they
 * read, which changes once, for good, when a file brings many names of its own.
 */
final class RecordParser {

    /** The longest excerpt of an unreadable record kept for the report. */
    static final int EXCERPT_BYTES = 1024;

    /**
     * The largest record kept whole until it is judged, and reported whole if it is rejected; of a larger one, only an
     * excerpt. A chunk holds 10,000 records: of 1 MiB each, a file could otherwise take 10 GiB of memory.
     */
    static final int KEPT_BYTES = 4096;

    /** The names of a record's properties the model reads, and of its asset's: {@link SeenNames} expects them. */
    private static final List<String> RECORD_PROPERTIES = List.of("asset", "department", "version", "status");
    private static final List<String> ASSET_PROPERTIES = List.of("name", "type");
    /** Latin-1's superset, in which files from tools that do not write UTF-8 usually come. */
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * More property names than a file of records has unless its records bring names of their own (a map keyed by
     * time or id, say), but fewer than Jackson's shared symbol table keeps (6,000, after which it starts over).
     */
    static final int MANY_NAMES = 1000;

    private final NameCountingFactory canonicalizing;
    private final JsonFactory plain;
    private volatile JsonFactory json;
    private final Rule syntaxRule;
    private final Rule tooLargeRule;
    private final int maxRecordBytes;

    RecordParser(ReaderLimits limits, Rule syntaxRule, Rule tooLargeRule) {
        var constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxNumberLength(limits.maxNumberLength())
                .maxStringLength(limits.maxRecordBytes())
                .maxNameLength(limits.maxRecordBytes())
                .build();
        this.canonicalizing = new NameCountingFactory(JsonFactory.builder().streamReadConstraints(constraints));
        this.plain = JsonFactory.builder().streamReadConstraints(constraints)
                .disable(TokenStreamFactory.Feature.CANONICALIZE_PROPERTY_NAMES).build();
        this.json = canonicalizing;
        this.syntaxRule = syntaxRule;
        this.tooLargeRule = tooLargeRule;
        this.maxRecordBytes = limits.maxRecordBytes();
    }

    /** The record read from {@code raw}: parsed, or unreadable with the reason and an excerpt. */
    SourceRecord parse(RawRecord raw) {
        RecordPosition at = raw.position();
        if (raw.framingError() != null) {
            return unreadable(raw, syntaxRule, raw.framingError());
        }
        if (raw.tooLarge()) {
            return unreadable(raw, tooLargeRule, "the record is " + at.length() + " bytes, more than the limit of "
                    + maxRecordBytes + " (registry.reader.max-record-bytes)");
        }
        int nul = nulAtTheStart(raw);
        if (nul >= 0) {
            return unreadable(raw, syntaxRule, where(raw, nul) + "a NUL byte (0x00), which JSON allows nowhere (in a"
                    + " string, only escaped as \\u0000)");
        }
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), raw.bytes(), 0, raw.kept())) {
            stopCanonicalizingPastManyNames();
            try {
                InputRecord input = readRecord(parser);
                JsonToken after = parser.nextToken();
                if (after != null) {
                    return unreadable(raw, syntaxRule, where(raw, parser.currentTokenLocation())
                            + (after == JsonToken.START_OBJECT
                            ? "another record starts here, with no line break before it (a line holds one record)"
                            : "unexpected content after the end of the record"));
                }
                int lax = firstLaxUtf8(raw.bytes(), raw.kept());
                if (lax >= 0) { // Jackson decoded it, but the file is not UTF-8 there
                    return unreadable(raw, syntaxRule, notUtf8(raw, lax));
                }
                return new SourceRecord.Parsed(at, ownBytes(raw), input);
            } catch (StreamConstraintsException e) { // it has no location: name the token it broke on
                return unreadable(raw, tooLargeRule, where(raw, parser.currentTokenLocation())
                        + ReaderLimits.describe(e));
            }
        } catch (JacksonException e) {
            return unreadable(raw, syntaxRule, syntaxError(raw, e));
        }
    }

    /**
     * Where the record holds a NUL byte among its first four bytes, or -1. Jackson takes zero bytes there for UTF-16 or
     * UTF-32, and would name other characters than the record holds, or skip the NULs and read a record: such a
     * record is rejected here, at its NUL.
     */
    private static int nulAtTheStart(RawRecord raw) {
        for (int i = 0; i < Math.min(4, raw.kept()); i++) {
            if (raw.bytes()[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * What is wrong with a record Jackson could not read, and where. A byte that is not UTF-8 is named, rather than
     * in Jackson's words ("Invalid UTF-8 middle byte 0x72", about the byte after it), with the usual cause when the
     * record reads as JSON in Windows-1252 (Latin-1's superset): a file from a tool that does not write UTF-8.
     */
    private String syntaxError(RawRecord raw, JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        int invalid = firstInvalidUtf8(raw.bytes(), raw.kept());
        if (invalid >= 0 && (location == null || location.getByteOffset() < 0
                || invalid <= location.getByteOffset())) {
            return notUtf8(raw, invalid);
        }
        return where(raw, location) + JsonSyntaxMessages.of(e);
    }

    /**
     * A byte that is not UTF-8, named, with its likely cause: a form UTF-8 forbids (as Java's modified UTF-8 and
     * CESU-8 write), a damaged byte among UTF-8 text, or a record that reads as JSON in Windows-1252. Only the last
     * is worth converting the file for: converted, the others' UTF-8 would be garbled.
     */
    private String notUtf8(RawRecord raw, int invalid) {
        byte[] bytes = raw.bytes();
        String problem = where(raw, invalid) + "byte 0x%02X is not UTF-8".formatted(bytes[invalid] & 0xFF);
        if (sequenceAt(bytes, invalid, raw.kept()) < 0) {
            return problem + ": it begins an overlong form, a surrogate or a code point past U+10FFFF, which UTF-8"
                    + " forbids (Java's modified UTF-8 and CESU-8 write them); write the file as UTF-8";
        }
        for (int i = 0; i < raw.kept(); i++) {
            if (bytes[i] < 0 && sequenceAt(bytes, i, raw.kept()) > 0) {
                return problem + "; the rest of the record is UTF-8 text: the byte is damaged, or text of another"
                        + " encoding was pasted in; mend it at the source";
            }
        }
        return readsAsWindows1252(raw) ? problem + "; the record reads as Windows-1252 (Latin-1) text: convert the "
                + "file first, for example with iconv -f WINDOWS-1252 -t UTF-8" : problem;
    }

    /**
     * What the bytes at {@code i}, a byte of 0x80 or more, begin: the length of a well-formed UTF-8 sequence; -1 for a
     * whole sequence that UTF-8 forbids (a lead byte with all its continuation bytes, but overlong, a surrogate or
     * past U+10FFFF); 0 for anything else (a continuation byte, a lead byte without its continuation bytes).
     */
    private static int sequenceAt(byte[] bytes, int i, int length) {
        int lead = bytes[i] & 0xFF;
        int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        if (size == 0 || i + size > length) {
            return 0;
        }
        for (int k = 1; k < size; k++) {
            if ((bytes[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return forbidden(lead, bytes[i + 1] & 0xFF) ? -1 : size;
    }

    /**
     * Whether a lead byte of two bytes or more, with the byte after it, begins a form UTF-8 forbids: overlong
     * ({@code C0}, {@code C1}, {@code E0 80}-{@code 9F}, {@code F0 80}-{@code 8F}), a surrogate
     * ({@code ED A0}-{@code BF}) or past U+10FFFF ({@code F4 90}-{@code BF}, {@code F5}-{@code FF}).
     */
    private static boolean forbidden(int lead, int next) {
        return lead <= 0xC1 || lead >= 0xF5 || lead == 0xE0 && next < 0xA0 || lead == 0xED && next > 0x9F
                || lead == 0xF0 && next < 0x90 || lead == 0xF4 && next > 0x8F;
    }

    /**
     * The offset of the first lead byte of {@code bytes[0, length)} that starts a sequence Jackson decodes though
     * UTF-8 forbids it: an overlong form ({@code C0 AF} for {@code /}, {@code E0 80 AF}, {@code F0 80 80 AF}), a
     * surrogate ({@code ED A0 80}), or a code point past U+10FFFF ({@code F4 90 80 80}, {@code F5} to {@code FF});
     * -1 if none. An overlong form would let a record say what a check of its bytes does not see
     * ({@code "st\xC1\xA1tus"} reads {@code "status"}). Cheap for the usual record: a byte below {@code C0} is passed
     * over at once.
     */
    private static int firstLaxUtf8(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i];
            if (b >= (byte) 0xC0 && b < 0) { // a lead byte of two bytes or more
                int lead = b & 0xFF;
                if (forbidden(lead, i + 1 < length ? bytes[i + 1] & 0xFF : 0x80)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether the record is well-formed JSON once read as Windows-1252 rather than UTF-8. */
    private boolean readsAsWindows1252(RawRecord raw) {
        byte[] utf8 = new String(raw.bytes(), 0, raw.kept(), WINDOWS_1252).getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = plain.createParser(ObjectReadContext.empty(), utf8)) {
            while (parser.nextToken() != null) {
                parser.finishToken(); // a string's text is read, and checked, only when asked for
            }
            return true;
        } catch (JacksonException notJson) {
            return false;
        }
    }

    /** The offset of the first byte of {@code bytes[0, length)} that is not part of well-formed UTF-8; -1 if none. */
    private static int firstInvalidUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input, not replacing it
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(1024); // the characters are not wanted: reused until the end
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /**
     * Jackson shares the property names it has read between the parsers of one factory, in a symbol table each new
     * parser starts from and adds its new names to. A parser that meets a name the table lacks copies the table
     * first: when every record brings a name of its own, every record copies thousands of names, and a load took
     * four times as long. Past {@link #MANY_NAMES} names, parsers read names without the table: about 5% more work
     * for the usual file, where each name is then read anew, but the same speed for every file.
     */
    private void stopCanonicalizingPastManyNames() {
        if (json == canonicalizing && canonicalizing.names() > MANY_NAMES) {
            json = plain;
        }
    }

    /** Whether parsers still share the property names they read; {@code false} once a file brought many. */
    boolean canonicalizesNames() {
        return json == canonicalizing;
    }

    /** Jackson's JSON factory, which tells how many property names its shared symbol table holds. */
    private static final class NameCountingFactory extends JsonFactory {

        NameCountingFactory(JsonFactoryBuilder builder) {
            super(builder);
        }

        int names() {
            return _byteSymbolCanonicalizer.size();
        }
    }

    /**
     * The text a report shows of a well-formed record: the record as one line of JSON, or, for a record over
     * {@link #KEPT_BYTES}, a JSON string of its first {@link #EXCERPT_BYTES} bytes, as for an unreadable one.
     *
     * @param raw    the record's bytes, or its first {@link #EXCERPT_BYTES} at least
     * @param length the record's length in bytes
     */
    String reportText(byte[] raw, int length) {
        return length <= KEPT_BYTES ? compact(raw) : excerpt(raw, Math.min(raw.length, EXCERPT_BYTES));
    }

    /**
     * The bytes a parsed record keeps for its report: exactly its own (a raw record's buffer may be longer), or the
     * first {@link #EXCERPT_BYTES} of one over {@link #KEPT_BYTES}.
     */
    private static byte[] ownBytes(RawRecord raw) {
        int length = raw.kept() <= KEPT_BYTES ? raw.kept() : EXCERPT_BYTES;
        return raw.bytes().length == length ? raw.bytes() : Arrays.copyOf(raw.bytes(), length);
    }

    /** The record's bytes as one line of JSON, for the report; the record must be well-formed. */
    String compact(byte[] raw) {
        // A record written compactly, as most tools write JSON Lines, is its own report text: parsing it again and
        // writing it back would give the same bytes, and took 2 to 3 µs a reject.
        return isWrittenBack(raw) ? new String(raw, StandardCharsets.ISO_8859_1) : rewrite(raw);
    }

    /**
     * Whether Jackson would write the record back byte for byte: it is printable ASCII without white space or a
     * backslash. Such a record has no white space between its tokens, and no escape in its strings that the generator
     * would write otherwise ({@code \\u0041} as {@code A}); nothing else in them is escaped by the generator, since a
     * quote or a control character can only be in a string by an escape.
     */
    private static boolean isWrittenBack(byte[] raw) {
        for (byte b : raw) {
            if (b <= ' ' || b == 0x7F || b == '\\') { // bytes over 0x7F are negative
                return false;
            }
        }
        return true;
    }

    /** {@link #compact}, by parsing the record and writing it again. */
    String rewrite(byte[] raw) {
        var out = new StringWriter(raw.length);
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), raw);
             JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out)) {
            // token by token rather than copyCurrentStructure, which rewrites decimals through a double
            // (2.50 as 2.5, 1e400 as "Infinity"): numbers are written exactly as they stand in the file
            JsonToken token = parser.nextToken();
            int depth = 0;
            do {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                    generator.writeNumber(parser.getString());
                } else {
                    generator.copyCurrentEvent(parser);
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            } while (depth > 0 && (token = parser.nextToken()) != null);
        }
        // an escaped unpaired surrogate ("\\ud800") is read as one, which no encoding can store: written as it stood,
        // an escape, as are a bidirectional control or a line separator, all only ever inside the record's strings
        return MessageText.printable(out.toString());
    }

    private InputRecord readRecord(JsonParser parser) {
        JsonToken root = parser.nextToken();
        if (root == null) {
            throw new IllegalStateException("The splitter handed on an empty record.");
        }
        if (root != JsonToken.START_OBJECT) {
            FieldValue.Kind kind = valueOf(parser, root).kind();
            return InputRecord.notAnObject(kind);
        }
        FieldValue asset = FieldValue.MISSING;
        FieldValue name = FieldValue.MISSING;
        FieldValue type = FieldValue.MISSING;
        FieldValue department = FieldValue.MISSING;
        FieldValue version = FieldValue.MISSING;
        FieldValue status = FieldValue.MISSING;
        var seen = new SeenNames(RECORD_PROPERTIES);
        List<String> repeated = new ArrayList<>(0);
        String property;
        while ((property = parser.nextName()) != null) {
            if (!seen.firstTime(property)) {
                repeated.add(property);
            }
            JsonToken token = parser.nextToken();
            switch (property) {
                case "asset" -> {
                    if (token == JsonToken.START_OBJECT) {
                        FieldValue[] nameAndType = readAsset(parser, repeated);
                        if (asset.kind() == FieldValue.Kind.MISSING) {
                            name = nameAndType[0];
                            type = nameAndType[1];
                        }
                        asset = first(asset, FieldValue.OBJECT);
                    } else {
                        asset = first(asset, valueOf(parser, token));
                    }
                }
                case "department" -> department = first(department, valueOf(parser, token));
                case "version" -> version = first(version, valueOf(parser, token));
                case "status" -> status = first(status, valueOf(parser, token));
                default -> parser.skipChildren();
            }
        }
        return new InputRecord(FieldValue.Kind.OBJECT, asset, name, type, department, version, status, repeated);
    }

    /** Reads the {@code asset} object's name and type; the parser stands on its START_OBJECT. */
    private FieldValue[] readAsset(JsonParser parser, List<String> repeated) {
        FieldValue name = FieldValue.MISSING;
        FieldValue type = FieldValue.MISSING;
        var seen = new SeenNames(ASSET_PROPERTIES);
        String property;
        while ((property = parser.nextName()) != null) {
            if (!seen.firstTime(property)) {
                repeated.add("asset." + property);
            }
            JsonToken token = parser.nextToken();
            switch (property) {
                case "name" -> name = first(name, valueOf(parser, token));
                case "type" -> type = first(type, valueOf(parser, token));
                default -> parser.skipChildren();
            }
        }
        return new FieldValue[] {name, type};
    }

    /**
     * The property names of one JSON object met so far, to tell a repeated one. The names the model reads take a bit
     * each; any other name goes into a set made when the first one comes. Two sets per record were a seventh of what
     * a load allocates, and a record rarely has a name the model does not read.
     */
    private static final class SeenNames {

        private final List<String> expected;
        private int bits;
        private Set<String> others;

        SeenNames(List<String> expected) {
            this.expected = expected;
        }

        /** Whether {@code name} is met for the first time in this object; notes it. */
        boolean firstTime(String name) {
            int index = expected.indexOf(name);
            if (index < 0) {
                if (others == null) {
                    others = new HashSet<>(4);
                }
                return others.add(name);
            }
            int bit = 1 << index;
            boolean first = (bits & bit) == 0;
            bits |= bit;
            return first;
        }
    }

    /** A repeated property keeps its first value; the repetition itself is reported as malformed. */
    private static FieldValue first(FieldValue current, FieldValue next) {
        return current.kind() == FieldValue.Kind.MISSING ? next : current;
    }

    static FieldValue valueOf(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> FieldValue.string(parser.getString());
            case VALUE_NUMBER_INT -> FieldValue.integer(parser.getString());
            case VALUE_NUMBER_FLOAT -> new FieldValue(FieldValue.Kind.DECIMAL, parser.getString());
            case VALUE_TRUE, VALUE_FALSE -> new FieldValue(FieldValue.Kind.BOOLEAN, parser.getString());
            case VALUE_NULL -> FieldValue.NULL;
            case START_OBJECT -> {
                parser.skipChildren();
                yield FieldValue.OBJECT;
            }
            case START_ARRAY -> {
                parser.skipChildren();
                yield new FieldValue(FieldValue.Kind.ARRAY, null);
            }
            default -> throw new IllegalStateException("Unexpected token " + token + " where a value belongs.");
        };
    }

    /**
     * "line L, column C: " of a location inside the record, translated to the file's lines and columns. Jackson counts
     * columns in bytes; the file's columns are in characters, as the splitter counts them, so they are counted here
     * from the record's bytes up to the location's byte offset.
     */
    private static String where(RawRecord raw, TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        RecordPosition record = raw.position();
        long byteOffset = location.getByteOffset();
        if (byteOffset < 0 || byteOffset > raw.kept()) {
            long line = record.line() + location.getLineNr() - 1;
            long column = location.getLineNr() == 1
                    ? record.column() + location.getColumnNr() - 1 : location.getColumnNr();
            return "line " + line + ", column " + column + ": ";
        }
        return where(raw, byteOffset);
    }

    /** "line L, column C: " of the byte at {@code byteOffset} of the record, in the file's lines and columns. */
    private static String where(RawRecord raw, long byteOffset) {
        RecordPosition record = raw.position();
        long line = record.line();
        long column = record.column();
        byte[] bytes = raw.bytes();
        for (int i = 0; i < byteOffset; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                if (RecordSplitter.breaksLine(b, i == 0 ? -1 : bytes[i - 1] & 0xFF)) {
                    line++;
                }
                column = 1;
            } else if ((b & 0xC0) != 0x80) { // continuation bytes of a UTF-8 character take no column of their own
                column++;
            }
        }
        return "line " + line + ", column " + column + ": ";
    }

    private SourceRecord.Unreadable unreadable(RawRecord raw, Rule rule, String message) {
        return new SourceRecord.Unreadable(raw.position(), rule.violation(message),
                excerpt(raw.bytes(), Math.min(raw.kept(), EXCERPT_BYTES)));
    }

    /** A JSON string of the first {@code length} bytes, read as UTF-8. */
    private String excerpt(byte[] bytes, int length) {
        // cut before a character whose bytes the limit would split: half a character would read as U+FFFD
        while (length > 0 && length < bytes.length && (bytes[length] & 0xC0) == 0x80) {
            length--;
        }
        String excerpt = new String(bytes, 0, length, StandardCharsets.UTF_8);
        var out = new StringWriter(excerpt.length() + 16);
        try (JsonGenerator generator = json.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeString(excerpt);
        }
        return out.toString();
    }
}
