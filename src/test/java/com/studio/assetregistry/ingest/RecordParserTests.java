package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.FieldValue.Kind;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.Violation;
import com.studio.assetregistry.validation.rules.JsonSyntaxRule;
import com.studio.assetregistry.validation.rules.RecordTooLargeRule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class RecordParserTests {

    private static final String SYNTAX = "json.syntax";
    private static final String TOO_LARGE = "record.too_large";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String SAMPLE = """
            {
              "asset": {
                "name": "hero",
                "type": "character"
              },
              "department": "modeling",
              "version": 1,
              "status": "active"
            }""";

    private final RecordParser parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(),
            new RecordTooLargeRule());

    /** Nesting 3 deep, numbers of 5 characters. */
    private final RecordParser strict = new RecordParser(new ReaderLimits(1000, 3, 5), new JsonSyntaxRule(),
            new RecordTooLargeRule());

    // --- well-formed records ---

    @Test
    void sampleRecordIsParsedIntoItsFields() {
        // when
        SourceRecord record = parser.parse(raw(SAMPLE));

        // then
        assertThat(record).isInstanceOf(SourceRecord.Parsed.class);
        assertThat(((SourceRecord.Parsed) record).input()).isEqualTo(new InputRecord(Kind.OBJECT, FieldValue.OBJECT,
                FieldValue.string("hero"), FieldValue.string("character"), FieldValue.string("modeling"),
                FieldValue.integer("1"), FieldValue.string("active"), List.of()));
    }

    @Test
    void parsedRecordKeepsItsPositionAndItsRawBytes() {
        // given
        RawRecord raw = raw(SAMPLE);

        // when
        var parsed = (SourceRecord.Parsed) parser.parse(raw);

        // then
        assertThat(parsed.position()).isEqualTo(raw.position());
        assertThat(new String(parsed.raw(), StandardCharsets.UTF_8)).isEqualTo(SAMPLE);
    }

    static Stream<Arguments> recordsWithANulAmongTheirFirstBytes() {
        return Stream.of(Arguments.of("NUL first", "\u0000{\"asset\": {\"name\": \"x\"}}", 1),
                Arguments.of("NUL after brace", "{\u0000\"asset\": {\"name\": \"x\"}}", 2),
                Arguments.of("four NULs first", "\u0000\u0000\u0000\u0000{\"a\": 1}", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordsWithANulAmongTheirFirstBytes")
    void aNulByteAmongARecordsFirstBytesIsNamedWhereItIs(String what, String json, int column) {
        // Jackson takes zero bytes at the start of a document for UTF-16 or UTF-32, and would name other characters
        var unreadable = (SourceRecord.Unreadable) parser.parse(raw(json));

        assertThat(unreadable.violation().rule()).isEqualTo("json.syntax");
        assertThat(unreadable.violation().message()).isEqualTo("line 1, column " + column + ": a NUL byte (0x00),"
                + " which JSON allows nowhere (in a string, only escaped as \\u0000)");
    }

    @ParameterizedTest(name = "U+{1}")
    @CsvSource({"\uD7FB, D7FB", "\uD800\uDC00, 10000", "\uDBC0\uDC00, 100000", "\uE000, E000"})
    void textBesideTheRangesUtf8ForbidsIsParsed(String text, String codePoint) {
        // the last characters before the surrogates (ED 9F xx) and the first after them, the first outside the basic
        // plane (F0 90 80 80) and the first of the last plane (F4 80 80 80): UTF-8 all, read as any text
        var parsed = parser.parse(raw("{\"asset\": {\"name\": \"x" + text + "\"}}"));

        assertThat(parsed).isInstanceOfSatisfying(SourceRecord.Parsed.class,
                record -> assertThat(record.input().name().text()).isEqualTo("x" + text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "1         | INTEGER | 1",
        "-17       | INTEGER | -17",
        "2.0       | DECIMAL | 2.0",
        "1e2       | DECIMAL | 1e2",
        "'\"2\"'   | STRING  | 2",
        "true      | BOOLEAN | true",
        "false     | BOOLEAN | false",
        "null      | NULL    | NONE",
        "'{\"a\":1}' | OBJECT | NONE",
        "'[1, [2]]' | ARRAY  | NONE"})
    void valuesKeepTheirJsonKindAndTheirTextAsWritten(String json, Kind kind, String text) {
        // when
        InputRecord input = parsed("{\"version\": " + json + ", \"status\": \"active\"}");

        // then
        assertThat(input.version()).isEqualTo(new FieldValue(kind, text));
        assertThat(input.status()).isEqualTo(FieldValue.string("active"));
    }

    @Test
    void absentPropertiesAreMissingAndNullOnesAreNull() {
        // when
        InputRecord input = parsed("{\"department\": null, \"asset\": {\"name\": null}}");

        // then
        assertThat(input.department()).isEqualTo(FieldValue.NULL);
        assertThat(input.name()).isEqualTo(FieldValue.NULL);
        assertThat(input.type()).isEqualTo(FieldValue.MISSING);
        assertThat(input.version()).isEqualTo(FieldValue.MISSING);
        assertThat(input.status()).isEqualTo(FieldValue.MISSING);
        assertThat(input.asset()).isEqualTo(FieldValue.OBJECT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "'\"hero\"'     | STRING | hero",
        "'[\"hero\"]'   | ARRAY  | NONE",
        "null          | NULL   | NONE",
        "3             | INTEGER | 3"})
    void assetThatIsNotAnObjectHasNoNameOrType(String json, Kind kind, String text) {
        // when
        InputRecord input = parsed("{\"asset\": " + json + ", \"department\": \"rigging\"}");

        // then
        assertThat(input.asset()).isEqualTo(new FieldValue(kind, text));
        assertThat(input.name()).isEqualTo(FieldValue.MISSING);
        assertThat(input.type()).isEqualTo(FieldValue.MISSING);
        assertThat(input.hasAssetObject()).isFalse();
        assertThat(input.department()).isEqualTo(FieldValue.string("rigging"));
    }

    @Test
    void unknownPropertiesAreIgnoredWhateverTheyHold() {
        // given: unknown properties holding objects and arrays that contain the known names
        String json = """
                {"notes": {"version": 99, "status": "deleted", "asset": {"name": "villain"}},
                 "asset": {"tags": [{"name": "x"}, ["type"]], "name": "hero", "meta": {"type": "fx"}, "type": "prop"},
                 "history": [{"department": "lighting"}, [1, 2, {"version": 7}]],
                 "department": "modeling", "version": 3, "status": "active", "extra": true}""";

        // when
        InputRecord input = parsed(json);

        // then
        assertThat(input).isEqualTo(new InputRecord(Kind.OBJECT, FieldValue.OBJECT, FieldValue.string("hero"),
                FieldValue.string("prop"), FieldValue.string("modeling"), FieldValue.integer("3"),
                FieldValue.string("active"), List.of()));
    }

    @Test
    void repeatedPropertiesAreListedAndTheFirstValueIsKept() {
        // given
        String json = "{\"version\": 1, \"asset\": {\"name\": \"hero\", \"type\": \"prop\", \"name\": \"villain\"},"
                + " \"status\": \"active\", \"version\": 2, \"status\": \"deprecated\"}";

        // when
        InputRecord input = parsed(json);

        // then
        assertThat(input.repeatedProperties()).containsExactly("asset.name", "version", "status");
        assertThat(input.version()).isEqualTo(FieldValue.integer("1"));
        assertThat(input.name()).isEqualTo(FieldValue.string("hero"));
        assertThat(input.status()).isEqualTo(FieldValue.string("active"));
    }

    @Test
    void repeatedAssetObjectIsListedAndTheFirstOneIsKept() {
        // when
        InputRecord input = parsed("{\"asset\": {\"name\": \"hero\"}, \"asset\": {\"name\": \"villain\", \"type\": \"fx\"}}");

        // then
        assertThat(input.repeatedProperties()).containsExactly("asset");
        assertThat(input.name()).isEqualTo(FieldValue.string("hero"));
        assertThat(input.type()).isEqualTo(FieldValue.MISSING);
    }

    @Test
    void assetObjectAfterAnAssetThatIsNotAnObjectDoesNotSupplyNameOrType() {
        // when
        InputRecord input = parsed("{\"asset\": \"hero\", \"asset\": {\"name\": \"villain\", \"type\": \"fx\"}}");

        // then
        assertThat(input.repeatedProperties()).containsExactly("asset");
        assertThat(input.asset()).isEqualTo(FieldValue.string("hero"));
        assertThat(input.name()).isEqualTo(FieldValue.MISSING);
        assertThat(input.type()).isEqualTo(FieldValue.MISSING);
    }

    @Test
    void repeatedUnknownPropertyIsListedToo() {
        // when
        InputRecord input = parsed("{\"note\": 1, \"note\": 2, \"version\": 4}");

        // then
        assertThat(input.repeatedProperties()).containsExactly("note");
        assertThat(input.version()).isEqualTo(FieldValue.integer("4"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'[{\"version\": 1}]' | ARRAY",
        "'\"hero\"'           | STRING",
        "42                  | INTEGER",
        "4.5                 | DECIMAL",
        "true                | BOOLEAN",
        "null                | NULL"})
    void recordThatIsNotAnObjectIsParsedAsNotAnObjectOfItsKind(String json, Kind kind) {
        // when
        InputRecord input = parsed(json);

        // then
        assertThat(input).isEqualTo(InputRecord.notAnObject(kind));
        assertThat(input.isObject()).isFalse();
    }

    // --- syntax errors, in the file's lines and columns ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // record             | line | column: the record starts at line 3, column 5 of the file
        "missing colon        | '{\"a\" 1}'                   | 3 | 10",
        "unterminated string  | '{\"a\": \"abc'               | 3 | 15",
        "NaN                  | '{\"a\": NaN}'                | 3 | 14",
        "comment              | '{/* note */ \"a\": 1}'       | 3 | 6",
        "single quotes        | '{''a'': 1}'                  | 3 | 6",
        "trailing comma       | '{\"a\": 1,}'                 | 3 | 13",
        "trailing garbage     | '{\"a\": 1} x'                | 3 | 14",
        "second value         | '{\"a\": 1} {\"b\": 2}'       | 3 | 14",
        "missing colon after multi-byte characters | '{\"日本\" 1}'  | 3 | 11",
        "missing colon on the record's second line | '{\n  \"a\" 1}' | 4 | 7",
        "multi-byte characters on the second line  | '{\"é\": 1,\n  \"é\" 1}' | 4 | 7",
        "second line after a lone carriage return  | '{\r  \"a\" 1}' | 4 | 7",
        "third line after CR LF and a lone CR      | '{\r\n\r  \"a\" 1}' | 5 | 7"})
    void syntaxErrorIsReportedAtItsLineAndColumnInTheFile(String what, String json, long line, long column) {
        // given
        RawRecord raw = rawAt(json, 3, 5);

        // when
        SourceRecord record = parser.parse(raw);

        // then
        var unreadable = unreadable(record, SYNTAX);
        assertThat(unreadable.violation().message()).startsWith("line " + line + ", column " + column + ": ");
        assertThat(unreadable.position()).isEqualTo(raw.position());
        assertThat(excerptOf(unreadable)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NaN      | '{\"a\": NaN}'          | line 3, column 14: Non-standard token 'NaN': JSON has no NaN or Infinity",
        "Infinity | '{\"a\": -Infinity}'    | line 3, column 20: Non-standard token '-Infinity': JSON has no NaN or Infinity",
        "comment  | '{/* note */ \"a\": 1}' | line 3, column 6: Unexpected character ('/' (code 47)): JSON has no comments",
        "cut off  | '{\"asset\": {\"a\": 1'  | line 3, column 22: Unexpected end-of-input: expected close marker for Object"})
    void aSyntaxErrorSaysWhatJsonHasNotWithoutTheParsersAdviceToEnableAFeature(String what, String json,
            String message) {
        SourceRecord record = parser.parse(rawAt(json, 3, 5));

        assertThat(unreadable(record, SYNTAX).violation().message()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "'{\"a\": 1}{\"b\": 2}'  | line 1, column 9: another record starts here, with no line break before it (a line holds one record)",
        "'{\"a\": 1} [2]'       | line 1, column 10: unexpected content after the end of the record",
        "'{\"a\": 1} \"x\"'     | line 1, column 10: unexpected content after the end of the record"})
    void contentAfterTheRecordIsRejectedAndTwoRecordsOnOneLineAreNamedAsSuch(String json, String message) {
        // when
        SourceRecord record = parser.parse(rawAt(json, 1, 1));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).isEqualTo(message);
    }

    @Test
    void aByteThatIsNotUtf8IsNamedAtItsOwnColumnWithTheUsualCause() {
        // given: "héro" written in Latin-1, on the record's second line
        byte[] latin1 = "{\"a\": 1,\n \"name\": \"h\u00e9ro\"}".getBytes(StandardCharsets.ISO_8859_1);
        RawRecord raw = new RawRecord(new RecordPosition(1, 3, 5, 0, latin1.length), latin1, latin1.length, false,
                null);

        // when
        SourceRecord record = parser.parse(raw);

        // then: Jackson's "Invalid UTF-8 middle byte 0x72" is about the byte after it
        assertThat(unreadable(record, SYNTAX).violation().message()).isEqualTo("line 4, column 12: byte 0xE9 is not "
                + "UTF-8; the record reads as Windows-1252 (Latin-1) text: convert the file first, for example with "
                + "iconv -f WINDOWS-1252 -t UTF-8");
    }

    @ParameterizedTest
    @CsvSource({
        "c0af, C0", // an overlong "/"
        "c0a2, C0", // an overlong '"', which would end the string
        "c1a1, C1", // an overlong "a"
        "e080af, E0", // "/" in three bytes
        "f08080af, F0", // "/" in four bytes
        "eda080, ED", // a surrogate, which UTF-8 does not encode
        "f4908080, F4", // past U+10FFFF
        "f5808080, F5",
    })
    void aSequenceJacksonWouldDecodeThoughItIsNotUtf8IsASyntaxErrorAtItsFirstByte(String hex, String lead) {
        // given: the sequence in an asset's name, at column 22 of a record on line 3
        byte[] bytes = concat(utf8("{\"asset\": {\"name\": \"a"), HexFormat.of().parseHex(hex),
                utf8("b\", \"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\"}"));

        // when
        SourceRecord record = parser.parse(rawAt(bytes, 3, 1));

        // then: not Windows-1252's advice, though such a record reads as Windows-1252 too
        assertThat(unreadable(record, SYNTAX).violation().message())
                .isEqualTo("line 3, column 22: byte 0x" + lead + " is not UTF-8: it begins an overlong form, a"
                        + " surrogate or a code point past U+10FFFF, which UTF-8 forbids (Java's modified UTF-8 and"
                        + " CESU-8 write them); write the file as UTF-8");
    }

    @Test
    void aByteThatIsNotUtf8AmongUtf8TextIsDamagedNotAFileToConvert() {
        // given: "drâgon" in UTF-8, then a Latin-1 "é" in the same record: converting the file would garble "â"
        byte[] bytes = concat(utf8("{\"asset\": {\"name\": \"dr\u00e2gon\", \"type\": \"caf"),
                new byte[] {(byte) 0xE9}, utf8("\"}}"));

        // when
        SourceRecord record = parser.parse(rawAt(bytes, 1, 1));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).isEqualTo("line 1, column 42: byte 0xE9 is not"
                + " UTF-8; the rest of the record is UTF-8 text: the byte is damaged, or text of another encoding was"
                + " pasted in; mend it at the source");
    }

    @Test
    void anOverlongPropertyNameDoesNotPassForTheNameItDecodesTo() {
        // given: "st\xC1\xA1tus", which a lax decoder reads "status"
        byte[] bytes = concat(utf8("{\"asset\": {\"name\": \"a\", \"type\": \"prop\"}, \"department\": \"fx\", "
                + "\"version\": 1, \"st"), HexFormat.of().parseHex("c1a1"), utf8("tus\": \"active\"}"));

        // when, then
        assertThat(unreadable(parser.parse(raw(bytes)), SYNTAX).violation().message())
                .startsWith("line 1, column 79: byte 0xC1 is not UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h\u00e9ro", "\u65e5\u672c", "\ud83c\udfac", "\u07ff\u0800\uffff", "\udbff\udfff"})
    void wellFormedUtf8OfEveryLengthIsRead(String name) {
        // the edges of each form: U+07FF and U+0800, U+FFFF, U+10FFFF (a 4-byte form, as the emoji)
        InputRecord input = parsed("{\"asset\": {\"name\": \"" + name + "\", \"type\": \"prop\"}}");

        assertThat(input.name()).isEqualTo(FieldValue.string(name));
    }

    @Test
    void aByteThatIsNotUtf8InARecordThatIsNotTextEitherIsNamedWithoutAGuessAtItsCause() {
        // given: a line of a PNG image
        byte[] bytes = HexFormat.of().parseHex("89504e470d");

        // when
        SourceRecord record = parser.parse(new RawRecord(new RecordPosition(1, 1, 1, 0, bytes.length), bytes,
                bytes.length, false, null));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).isEqualTo("line 1, column 1: byte 0x89 is not "
                + "UTF-8");
    }

    @Test
    void aSyntaxErrorBeforeAByteThatIsNotUtf8IsTheOneReported() {
        byte[] bytes = "{\"a\" 1, \"name\": \"h\u00e9ro\"}".getBytes(StandardCharsets.ISO_8859_1);

        SourceRecord record = parser.parse(new RawRecord(new RecordPosition(1, 1, 1, 0, bytes.length), bytes,
                bytes.length, false, null));

        assertThat(unreadable(record, SYNTAX).violation().message()).startsWith("line 1, column 6: Unexpected ");
    }

    @Test
    void syntaxErrorOfARecordAtTheStartOfTheFileIsReportedWhereJacksonSeesIt() {
        // when
        SourceRecord record = parser.parse(rawAt("{\"a\" 1}", 1, 1));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message())
                .startsWith("line 1, column 6: ")
                .contains("was expecting a colon");
    }

    @Test
    void invalidUtf8InAStringIsASyntaxError() {
        // given: {"department": "<0xC3>x"} — a lead byte followed by no continuation byte
        byte[] bytes = concat(utf8("{\"department\": \""), new byte[] {(byte) 0xC3}, utf8("x\"}"));

        // when
        SourceRecord record = parser.parse(rawAt(bytes, 3, 5));

        // then: at the byte itself, not at the one after it where Jackson sees the sequence break
        assertThat(unreadable(record, SYNTAX).violation().message()).startsWith("line 3, column 21: byte 0xC3 is not "
                + "UTF-8");
    }

    @Test
    void invalidUtf8InAPropertyNameIsASyntaxError() {
        // given
        byte[] bytes = concat(utf8("{\""), new byte[] {(byte) 0xFF}, utf8("\": 1}"));

        // when
        SourceRecord record = parser.parse(rawAt(bytes, 1, 1));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).containsIgnoringCase("UTF-8");
    }

    @Test
    void invalidUtf8InAnIgnoredPropertyIsStillASyntaxError() {
        // given
        byte[] bytes = concat(utf8("{\"notes\": \""), new byte[] {(byte) 0xFF}, utf8("\", \"version\": 1}"));

        // when
        SourceRecord record = parser.parse(rawAt(bytes, 1, 1));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).containsIgnoringCase("UTF-8");
    }

    @Test
    void nulByteInsideAStringIsASyntaxError() {
        // when
        SourceRecord record = parser.parse(rawAt("{\"a\": \"x\u0000y\"}", 3, 5));

        // then
        var unreadable = unreadable(record, SYNTAX);
        assertThat(unreadable.violation().message()).startsWith("line 3, column 13: ");
        assertThat(unreadable.recordJson()).isEqualTo("\"{\\\"a\\\": \\\"x\\u0000y\\\"}\"");
        assertThat(excerptOf(unreadable)).isEqualTo("{\"a\": \"x\u0000y\"}");
    }

    @Test
    void nulByteBetweenTokensIsASyntaxError() {
        // when
        SourceRecord record = parser.parse(rawAt("{\"a\": 1\u0000}", 3, 5));

        // then
        assertThat(unreadable(record, SYNTAX).violation().message()).startsWith("line 3, column 12: ");
    }

    @Test
    void controlCharacterInsideAStringIsASyntaxError() {
        // when
        SourceRecord record = parser.parse(raw("{\"status\": \"act\tive\"}"));

        // then
        unreadable(record, SYNTAX);
    }

    @Test
    void excerptOfAnUnreadableRecordIsAJsonStringOfAtMost1024Bytes() {
        // given
        String json = "{\"a\": \"" + "x".repeat(3000) + "\" 1}";

        // when
        SourceRecord record = parser.parse(raw(json));

        // then
        var unreadable = unreadable(record, SYNTAX);
        assertThat(excerptOf(unreadable)).isEqualTo(json.substring(0, RecordParser.EXCERPT_BYTES));
    }

    @Test
    void excerptEndsBeforeACharacterThatTheLimitWouldSplitNeverInHalfOfIt() {
        // given: a three-byte character across the excerpt's limit (bytes 1023 to 1025)
        String json = "{\"a\": \"" + "x".repeat(RecordParser.EXCERPT_BYTES - 8) + "\u20ac" + "x".repeat(100) + "\" 1}";

        // when
        SourceRecord record = parser.parse(raw(json));

        // then
        assertThat(excerptOf(unreadable(record, SYNTAX))).isEqualTo(json.substring(0, RecordParser.EXCERPT_BYTES - 1))
                .doesNotContain("\ufffd");
    }

    @Test
    void framingErrorIsReportedAsASyntaxErrorWithTheSplittersMessage() {
        // given
        byte[] bytes = utf8("{\"b\": 2}");
        var position = new RecordPosition(2, 1, 10, 9, bytes.length);
        var raw = new RawRecord(position, bytes, bytes.length, false, "missing ',' between this record and the one before it");

        // when
        SourceRecord record = parser.parse(raw);

        // then
        var unreadable = unreadable(record, SYNTAX);
        assertThat(unreadable.violation().message()).isEqualTo("missing ',' between this record and the one before it");
        assertThat(unreadable.position()).isEqualTo(position);
        assertThat(excerptOf(unreadable)).isEqualTo("{\"b\": 2}");
    }

    @Test
    void emptyRecordAtTheEndOfACutOffFileHasAnEmptyExcerpt() {
        // given
        var raw = new RawRecord(new RecordPosition(3, 4, 1, 30, 0), new byte[0], 0, false,
                "the file ends before the closing ]");

        // when
        SourceRecord record = parser.parse(raw);

        // then
        var unreadable = unreadable(record, SYNTAX);
        assertThat(unreadable.recordJson()).isEqualTo("\"\"");
    }

    // --- limits ---

    @Test
    void nestingAtTheLimitIsAccepted() {
        // when
        SourceRecord record = strict.parse(raw("{\"notes\": {\"a\": [1]}}"));

        // then
        assertThat(record).isInstanceOf(SourceRecord.Parsed.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'{\"notes\": {\"a\": [[1]]}}'", "'{\"asset\": {\"name\": {\"a\": {}}}}'",
        "'[[[[1]]]]'"})
    void nestingDeeperThanTheLimitIsTooLarge(String json) {
        // when
        SourceRecord record = strict.parse(raw(json));

        // then
        assertThat(unreadable(record, TOO_LARGE).violation().message()).containsIgnoringCase("nesting depth")
                .contains("(3, registry.reader.max-nesting-depth)").doesNotContain("StreamReadConstraints");
    }

    @Test
    void aLimitBrokenDeepInARecordIsNamedAtItsLineAndColumn() {
        // given: the record starts at line 3, column 5; its fourth level of nesting opens on its second line
        SourceRecord record = strict.parse(rawAt("{\"notes\": {\"a\":\n [[1]]}}", 3, 5));

        // then
        assertThat(unreadable(record, TOO_LARGE).violation().message())
                .startsWith("line 4, column 3: ").contains("registry.reader.max-nesting-depth");
    }

    @Test
    void numberAsLongAsTheLimitIsAccepted() {
        // when
        InputRecord input = ((SourceRecord.Parsed) strict.parse(raw("{\"version\": 12345, \"n\": 1.234}"))).input();

        // then
        assertThat(input.version()).isEqualTo(FieldValue.integer("12345"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'{\"version\": 123456}'", "'{\"version\": 1.23456}'",
        "'{\"notes\": [1234567890]}'"})
    void numberLongerThanTheLimitIsTooLarge(String json) {
        // when
        SourceRecord record = strict.parse(raw(json));

        // then
        assertThat(unreadable(record, TOO_LARGE).violation().message()).containsIgnoringCase("number")
                .contains("(5, registry.reader.max-number-length)").doesNotContain("StreamReadConstraints");
    }

    @Test
    void recordsThatShareTheirPropertyNamesKeepThemInJacksonsSharedSymbolTable() {
        // given
        var parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(), new RecordTooLargeRule());

        // when: records with the model's names and a few others, many times over
        for (int i = 0; i < 3 * RecordParser.MANY_NAMES; i++) {
            parser.parse(raw("{\"asset\": {\"name\": \"a" + i + "\", \"type\": \"prop\"}, \"department\": \"fx\", "
                    + "\"version\": 1, \"status\": \"active\", \"note" + (i % 20) + "\": true}"));
        }

        // then
        assertThat(parser.canonicalizesNames()).isTrue();
    }

    @Test
    void recordsThatEachBringANameOfTheirOwnAreReadWithoutTheSharedSymbolTableAndReadTheSame() {
        // given: a map keyed by time in every record, as some exports have
        var parser = new RecordParser(ReaderLimits.defaults(), new JsonSyntaxRule(), new RecordTooLargeRule());
        InputRecord first = null;
        InputRecord last = null;

        // when
        for (int i = 0; i <= 2 * RecordParser.MANY_NAMES; i++) {
            var record = (SourceRecord.Parsed) parser.parse(raw("{\"asset\": {\"name\": \"hero\", \"type\": "
                    + "\"character\"}, \"department\": \"fx\", \"version\": 1, \"status\": \"active\", "
                    + "\"history\": {\"2026-11-27T10:" + i + "\": \"published\"}}"));
            first = first == null ? record.input() : first;
            last = record.input();
        }

        // then
        assertThat(parser.canonicalizesNames()).isFalse();
        assertThat(last).isEqualTo(first);
        assertThat(last.name()).isEqualTo(FieldValue.string("hero"));
        assertThat(last.version()).isEqualTo(FieldValue.integer("1"));
    }

    @Test
    void recordCutShortByTheSplitterIsTooLarge() {
        // given
        byte[] kept = utf8("{\"asset\": ");
        var position = new RecordPosition(4, 9, 1, 500, 5000);
        var raw = new RawRecord(position, kept, kept.length, true, null);

        // when
        SourceRecord record = strict.parse(raw);

        // then
        var unreadable = unreadable(record, TOO_LARGE);
        assertThat(unreadable.violation().message()).contains("5000").contains("1000");
        assertThat(unreadable.position()).isEqualTo(position);
        assertThat(excerptOf(unreadable)).isEqualTo("{\"asset\": ");
    }

    // --- compact ---

    @Test
    void compactWritesAPrettyPrintedRecordAsOneLineWithItsPropertiesInOrder() {
        // when
        String compact = parser.compact(utf8(SAMPLE));

        // then
        assertThat(compact).isEqualTo("{\"asset\":{\"name\":\"hero\",\"type\":\"character\"},"
                + "\"department\":\"modeling\",\"version\":1,\"status\":\"active\"}");
    }

    @Test
    void compactKeepsUnknownPropertiesStringsAndNumbersAsWritten() {
        // given
        String json = """
                {
                  "version": 2.50,
                  "big": 123456789012345678901234567890.125,
                  "exp": 1E2,
                  "huge": 1e400,
                  "neg": -0,
                  "name": "h\\u00e9ro \\"x\\" 日本",
                  "list": [true, false, null, {}, []]
                }""";

        // when
        String compact = parser.compact(utf8(json));

        // then
        assertThat(compact).isEqualTo("{\"version\":2.50,\"big\":123456789012345678901234567890.125,\"exp\":1E2,"
                + "\"huge\":1e400,\"neg\":-0,\"name\":\"héro \\\"x\\\" 日本\",\"list\":[true,false,null,{},[]]}");
    }

    @Test
    void compactGivesAlreadyCompactRecordsAsJacksonWouldWriteThemAgain() {
        // given: every printable ASCII character, and escapes, in a name and a property's name, in compact records
        List<String> texts = new ArrayList<>(List.of("\\u0041", "\\/", "\\t", "\\u00e9", "\\\"", "\\\\"));
        for (char c = '!'; c <= '~'; c++) {
            if (c != '"' && c != '\\') {
                texts.add(String.valueOf(c));
            }
        }
        List<String> records = new ArrayList<>();
        for (String text : texts) {
            records.add("{\"asset\":{\"name\":\"a" + text + "b\",\"type\":\"prop\"},"
                    + "\"k" + text + "\":[1.50,-0,true,null]}");
        }

        for (String record : records) {
            // when
            String compact = parser.compact(utf8(record));

            // then
            assertThat(compact).as(record).isEqualTo(parser.rewrite(utf8(record)));
        }
        assertThat(parser.compact(utf8(records.get(records.size() - 1)))).isEqualTo(records.get(records.size() - 1));
        assertThat(parser.compact(utf8("{\"version\": 1,\t\"status\":\"on hold\"}")))
                .isEqualTo("{\"version\":1,\"status\":\"on hold\"}");
    }

    @Test
    void compactKeepsAnEscapedUnpairedSurrogateOrBidirectionalControlAsAnEscapeNotAsAQuestionMark() {
        // given: escapes of a lone high surrogate, a lone low one reversed after it, and RIGHT-TO-LEFT OVERRIDE
        String record = "{\"asset\": {\"name\": \"a15\\ud800\", \"type\": \"x\\udc00\\ud800\\u202e\"}}";

        // when
        String compact = parser.compact(utf8(record));

        // then: valid JSON, each one still an escape, which UTF-8 can store and a terminal shows as it is
        assertThat(compact).isEqualTo("{\"asset\":{\"name\":\"a15\\ud800\",\"type\":\"x\\udc00\\ud800\\u202e\"}}");
        assertThat(MAPPER.readTree(compact).path("asset").path("name").asString()).isEqualTo("a15\ud800");
    }

    @Test
    void aParsedRecordKeepsOnlyItsOwnBytesOfALongerBuffer() {
        // given: the record's bytes, then what a reused buffer still holds past them
        String json = "{\"asset\":{\"name\":\"hero\",\"type\":\"character\"},\"version\":1}";
        byte[] buffer = utf8(json + "stale}]");
        var raw = new RawRecord(new RecordPosition(1, 1, 1, 0, json.length()), buffer, json.length(), false, null);

        // when
        var parsed = (SourceRecord.Parsed) parser.parse(raw);

        // then
        assertThat(parser.reportText(parsed.raw(), json.length())).isEqualTo(json);
    }

    // --- helpers ---

    private InputRecord parsed(String json) {
        SourceRecord record = parser.parse(raw(json));
        assertThat(record).as("parsed %s", json).isInstanceOf(SourceRecord.Parsed.class);
        return ((SourceRecord.Parsed) record).input();
    }

    private static SourceRecord.Unreadable unreadable(SourceRecord record, String rule) {
        assertThat(record).isInstanceOf(SourceRecord.Unreadable.class);
        var unreadable = (SourceRecord.Unreadable) record;
        Violation violation = unreadable.violation();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.field()).isEqualTo("record");
        return unreadable;
    }

    /** The excerpt an unreadable record carries, decoded from its JSON string literal. */
    private static String excerptOf(SourceRecord.Unreadable unreadable) {
        assertThat(unreadable.recordJson()).startsWith("\"").endsWith("\"");
        return MAPPER.readValue(unreadable.recordJson(), String.class);
    }

    private static RawRecord raw(String json) {
        return rawAt(json, 1, 1);
    }

    private static RawRecord raw(byte[] bytes) {
        return rawAt(bytes, 1, 1);
    }

    private static RawRecord rawAt(String json, long line, long column) {
        return rawAt(utf8(json), line, column);
    }

    private static RawRecord rawAt(byte[] bytes, long line, long column) {
        return new RawRecord(new RecordPosition(7, line, column, 40, bytes.length), bytes, bytes.length, false, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
