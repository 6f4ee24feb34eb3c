package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.storage.RecordPosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordSplitterTests {

    private static final int LIMIT = 1 << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** What a record carries, comparable by value (a RawRecord's byte array is not). */
    record Cut(RecordPosition position, String text, boolean tooLarge, String framingError) {
    }

    // --- framing detection ---

    @Test
    void fileWhoseFirstNonBlankByteIsABracketIsReadAsAnArray() {
        // given
        var splitter = splitter(" \r\n\t[{\"a\":1}, {\"b\":2}]");

        // when
        List<Cut> cuts = readAll(splitter);

        // then
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.ARRAY);
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":[1]}\n{\"b\":2}", "  \"[not, an, array]\"\n{\"b\":2}", "1\n{\"b\":2}",
        "{ \"a\": 1\n{\"b\":2}"})
    void fileWhoseFirstNonBlankByteIsAnythingButABracketIsReadAsLines(String content) {
        // given
        var splitter = splitter(content);

        // when
        List<Cut> cuts = readAll(splitter);

        // then
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.LINES);
        assertThat(cuts).extracting(Cut::text).containsExactly(content.lines().findFirst().orElseThrow().strip(),
                "{\"b\":2}");
    }

    @Test
    void recordsPrettyPrintedOneAfterAnotherWithoutAnArrayAreReadAsAnArraysElements() {
        // given: what jq '.[]' writes of an array, after a byte-order mark and a blank line, with Windows line ends
        String first = "{\r\n  \"a\": 1\r\n}";
        String second = "{\r\n  \"b\": {\r\n    \"c\": [1, 2]\r\n  }\r\n}";
        var splitter = splitter("\uFEFF\r\n" + first + "\r\n" + second + "\r\n");

        // when
        List<Cut> cuts = readAll(splitter);

        // then: each record whole, where it starts
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 2, 1, 5, first.length()), first, false, null),
                new Cut(new RecordPosition(2, 5, 1, 7 + first.length(), second.length()), second, false, null));
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.ARRAY);
    }

    @Test
    void aPrettyPrintedRecordLeftOpenCostsOnlyItselfAsInAnArray() {
        List<Cut> cuts = readAll(splitter("{\n  \"a\": 1,\n{\n  \"b\": 2\n}\n"));

        assertThat(cuts).extracting(Cut::text).containsExactly("{\n  \"a\": 1,\n", "{\n  \"b\": 2\n}");
        assertThat(cuts).extracting(Cut::framingError).containsExactly(
                "this record is not closed before the next one starts at line 3, column 1", null);
    }

    @Test
    void byteOrderMarkBeforeAnArrayIsSkippedAndCountsInTheOffsetButNotTheColumn() {
        // given
        var splitter = splitter(concat(BOM, utf8("[{\"a\":1}]")));

        // when
        List<Cut> cuts = readAll(splitter);

        // then
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.ARRAY);
        assertThat(cuts).containsExactly(new Cut(new RecordPosition(1, 1, 2, 4, 7), "{\"a\":1}", false, null));
    }

    @Test
    void byteOrderMarkBeforeLinesIsSkippedAndCountsInTheOffsetButNotTheColumn() {
        // given
        var splitter = splitter(concat(BOM, utf8("{\"a\":1}\n{\"b\":2}\n")));

        // when
        List<Cut> cuts = readAll(splitter);

        // then
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.LINES);
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 1, 3, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 2, 1, 11, 7), "{\"b\":2}", false, null));
    }

    // --- array framing ---

    @Test
    void arrayElementsAreRecordsWithTheirNumberLineColumnOffsetAndLength() {
        // given: nested objects, a string with brackets, and a multi-byte string before a record on the same line
        String file = "[\n  {\"asset\": {\"name\": \"hero\"}, \"version\": 1},\n"
                + "  {\"n\": \"日本\"}, {\"m\": [1, {\"x\": \"]}\"}]}\n]\n";

        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 2, 3, 4, 41), "{\"asset\": {\"name\": \"hero\"}, \"version\": 1}",
                        false, null),
                new Cut(new RecordPosition(2, 3, 3, 49, 15), "{\"n\": \"日本\"}", false, null),
                new Cut(new RecordPosition(3, 3, 16, 66, 23), "{\"m\": [1, {\"x\": \"]}\"}]}", false, null));
    }

    @Test
    void bracketsBracesEscapedQuotesAndBackslashesInsideStringsDoNotEndARecord() {
        // given: [{"s": "a]}\"[{"}, {"t": "back\\"}, {"u": "\\\"]"}]
        String file = "[{\"s\": \"a]}\\\"[{\"}, {\"t\": \"back\\\\\"}, {\"u\": \"\\\\\\\"]\"}]";

        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 16), "{\"s\": \"a]}\\\"[{\"}", false, null),
                new Cut(new RecordPosition(2, 1, 20, 19, 15), "{\"t\": \"back\\\\\"}", false, null),
                new Cut(new RecordPosition(3, 1, 37, 36, 14), "{\"u\": \"\\\\\\\"]\"}", false, null));
    }

    @Test
    void arrayElementsThatAreNotObjectsAreRecordsToo() {
        // when
        List<Cut> cuts = readAll(splitter("[1, \"a,b]\", true,null, [2, [3]], -4.5e1]"));

        // then
        assertThat(cuts).extracting(Cut::text)
                .containsExactly("1", "\"a,b]\"", "true", "null", "[2, [3]]", "-4.5e1");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
        assertThat(cuts).extracting(c -> c.position().recordNumber()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "  [ \n\t ]  \n", "", " \n\r\n\t "})
    void emptyArrayBlankFileAndEmptyFileHaveNoRecords(String file) {
        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).isEmpty();
    }

    @Test
    void emptyFileIsReadAsLines() {
        // given
        var splitter = splitter("");

        // when
        RawRecord first = splitter.next();

        // then
        assertThat(first).isNull();
        assertThat(splitter.framing()).isEqualTo(RecordSplitter.Framing.LINES);
    }

    @Test
    void nextKeepsReturningNullAfterTheEnd() {
        // given
        var splitter = splitter("[{\"a\":1}]\n");
        splitter.next();

        // when / then
        assertThat(splitter.next()).isNull();
        assertThat(splitter.next()).isNull();
    }

    // --- lines framing ---

    @Test
    void everyNonBlankLineIsARecordWithoutItsCarriageReturnAndBlankLinesAreSkipped() {
        // given: CRLF endings, a blank line, a line of spaces, an indented line, and a last line with no newline
        String file = "{\"a\":1}\r\n\r\n  \n  {\"b\":\"é\"}\r\n{\"c\":3}";

        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 1, 0, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 4, 3, 16, 10), "{\"b\":\"é\"}", false, null),
                new Cut(new RecordPosition(3, 5, 1, 28, 7), "{\"c\":3}", false, null));
    }

    @Test
    void aLoneCarriageReturnEndsALineAsANewlineDoes() {
        // given: old Mac OS line ends, then a CR LF, a blank line of a lone CR, and a CR, CR LF pair
        String file = "{\"a\":1}\r{\"b\":2}\r\n\r{\"c\":3}\r\r\n{\"d\":4}\r";

        // when
        List<Cut> cuts = readAll(splitter(file));

        // then: each \r, \r\n or \n is one line break
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 1, 0, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 2, 1, 8, 7), "{\"b\":2}", false, null),
                new Cut(new RecordPosition(3, 4, 1, 18, 7), "{\"c\":3}", false, null),
                new Cut(new RecordPosition(4, 6, 1, 28, 7), "{\"d\":4}", false, null));
    }

    @Test
    void carriageReturnsBetweenArrayElementsCountAsLineBreaks() {
        // when
        List<Cut> cuts = readAll(splitter("[\r{\"a\":1},\r\n  {\"b\":\r2}]"));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 2, 1, 2, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 3, 3, 14, 8), "{\"b\":\r2}", false, null));
    }

    @Test
    void trailingBlanksOfALineAreNotPartOfTheRecord() {
        // when
        List<Cut> cuts = readAll(splitter("{\"a\":1} \t\r\n{\"b\":2}   "));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 1, 0, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 2, 1, 11, 7), "{\"b\":2}", false, null));
    }

    @Test
    void lineIsARecordEvenWhenItIsNotWellFormedJson() {
        // when
        List<Cut> cuts = readAll(splitter("{\"a\": [1, 2\n{\"b\":2}\n"));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"a\": [1, 2", "{\"b\":2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    // --- framing errors ---

    @Test
    void missingCommaIsReportedOnTheSecondRecordAndBothRecordsAreIntact() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1} {\"b\":2}]"));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0)).isEqualTo(new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null));
        assertThat(cuts.get(1).position()).isEqualTo(new RecordPosition(2, 1, 10, 9, 7));
        assertThat(cuts.get(1).text()).isEqualTo("{\"b\":2}");
        assertThat(cuts.get(1).framingError()).contains("missing ','");
    }

    @Test
    void missingCommaAcrossLinesDoesNotSpoilTheRecordsAfterIt() {
        // when
        List<Cut> cuts = readAll(splitter("[\n{\"a\":1}\n{\"b\":2},\n{\"c\":3}\n]"));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        assertThat(cuts.get(0).framingError()).isNull();
        assertThat(cuts.get(1).framingError()).contains("missing ','");
        assertThat(cuts.get(2).framingError()).isNull();
        assertThat(cuts.get(2).position()).isEqualTo(new RecordPosition(3, 4, 1, 19, 7));
    }

    @Test
    void aRecordMissingItsClosingBraceCostsOnlyItself() {
        // when: the second record lacks its closing brace, with or without the comma after its last property
        for (String separator : new String[] {",", ""}) {
            List<Cut> cuts = readAll(splitter("[\n{\"a\":1},\n{\"b\":2" + separator + "\n{\"c\":3},\n{\"d\":4}\n]"));

            // then
            assertThat(cuts).extracting(Cut::text)
                    .containsExactly("{\"a\":1}", "{\"b\":2" + separator + "\n", "{\"c\":3}", "{\"d\":4}");
            assertThat(cuts.get(1).framingError())
                    .isEqualTo("this record is not closed before the next one starts at line 4, column 1");
            assertThat(cuts.get(2).framingError()).isNull();
            assertThat(cuts.get(2).position().line()).isEqualTo(4);
            assertThat(cuts.get(3).framingError()).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"// a comment", "/* a comment */", "xyz", "\"version\""})
    void aRecordMissingItsClosingBraceBeforeOtherBrokenContentCostsOnlyItself(String broken) {
        // when: the second record lacks its closing brace, and a line of it is broken too: a comment, a stray word,
        // a line cut after a property's name
        List<Cut> cuts = readAll(splitter("[\n{\"a\":1},\n{\"b\":2,\n" + broken + "\n{\"c\":3},\n{\"d\":4}\n]"));

        // then: the records after it are read whole, as after a record that lacks only its brace
        assertThat(cuts).extracting(Cut::text)
                .containsExactly("{\"a\":1}", "{\"b\":2,\n" + broken + "\n", "{\"c\":3}", "{\"d\":4}");
        assertThat(cuts.get(1).framingError())
                .isEqualTo("this record is not closed before the next one starts at line 5, column 1");
        assertThat(cuts.get(2).position()).isEqualTo(new RecordPosition(3, 5, 1, 20 + broken.length(), 7));
        assertThat(cuts).extracting(Cut::framingError).filteredOn(error -> error != null).hasSize(1);
    }

    @Test
    void aCommentInsideAnArrayOfObjectsOnePerLineDoesNotSplitItsRecord() {
        // when: a record with a comment (an error the parser names), then objects one per line in one of its arrays
        List<Cut> cuts = readAll(splitter("[{\"a\": 1, // note\n \"items\": [\n  {\"x\": 1},\n  {\"y\": 2}\n]},\n"
                + "{\"b\": 2}]"));

        // then: the objects are inside a container opened after the error: they are the record's own
        assertThat(cuts).extracting(Cut::text).containsExactly(
                "{\"a\": 1, // note\n \"items\": [\n  {\"x\": 1},\n  {\"y\": 2}\n]}", "{\"b\": 2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void aBracketTooManyBeforeTheEndOfAPrettyPrintedArrayCostsNoRecord() {
        // when: a ] before the end of the array, its records written over several lines each
        List<Cut> cuts = readAll(splitter("[\n  {\n    \"a\": 1\n  },\n]\n  {\n    \"b\": 2\n  },\n  {\n    \"c\": 3\n"
                + "  }\n]\n"));

        // then: the records after it are read whole, the first of them carrying the problem
        assertThat(cuts).extracting(Cut::text).containsExactly("{\n    \"a\": 1\n  }", "{\n    \"b\": 2\n  }",
                "{\n    \"c\": 3\n  }");
        assertThat(cuts.get(1).position()).isEqualTo(new RecordPosition(2, 6, 3, 26, 16));
        assertThat(cuts.get(1).framingError())
                .isEqualTo("the array closed at line 5, column 1, and content follows; it is read on as more records");
        assertThat(cuts.get(2).framingError()).isNull();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyRecordOfAnArrayButOneCutShortIsReadWholeWhereverTheCutFalls(boolean prettyPrinted) {
        // given: five records, one per line or pretty-printed as Python's json.dump(indent=2) writes them
        List<String> records = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            String record = "{\"asset\": {\"name\": \"" + name + "\", \"type\": \"prop\"}, \"department\": \"fx\","
                    + " \"version\": 1, \"status\": \"active\"}";
            records.add(prettyPrinted ? record.replace("{", "{\n    ").replace(", ", ",\n    ")
                    .replace("}", "\n  }") : record);
        }
        String third = records.get(2) + ",";
        for (int at = 1; at < third.length(); at++) {
            int lineEnd = third.indexOf('\n', at) < 0 ? third.length() : third.indexOf('\n', at);
            // when: the third record is cut at one place, losing the rest of its line, or the rest of it
            for (String cutShort : List.of(third.substring(0, at) + third.substring(lineEnd), third.substring(0, at))) {
                String file = "[\n  " + records.get(0) + ",\n  " + records.get(1) + ",\n  " + cutShort + "\n  "
                        + records.get(3) + ",\n  " + records.get(4) + "\n]\n";
                List<Cut> cuts = readAll(splitter(file));

                // then: every other record is a record of its own, the first two and the last without a problem
                assertThat(cuts).as("cut to %s", cutShort).extracting(Cut::text)
                        .contains(records.get(0), records.get(1), records.get(3), records.get(4));
                assertThat(cuts).as("cut to %s", cutShort)
                        .filteredOn(cut -> List.of(records.get(0), records.get(1), records.get(4)).contains(cut.text()))
                        .extracting(Cut::framingError).containsOnlyNulls();
            }
        }
    }

    @Test
    void aRecordNestedDeeperThanTheSplittersFirstGuessIsReadWhole() {
        String deep = "{\"a\": " + "[".repeat(40) + "{\"b\": {}}" + "]".repeat(40) + "}";

        assertThat(readAll(splitter("[" + deep + ",{\"c\":1}]"))).extracting(Cut::text, Cut::framingError)
                .containsExactly(tuple(deep, null), tuple("{\"c\":1}", null));
    }

    @Test
    void aRecordLeftOpenAfterANumberEndsWhereTheNextOneStarts() {
        // when: the number is the last thing the open record holds, as a line cut before its brace leaves it
        List<Cut> cuts = readAll(splitter("[{\"a\": 12, \"b\": 3\n{\"c\": \"d\"}]"));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"a\": 12, \"b\": 3\n", "{\"c\": \"d\"}");
        assertThat(cuts.get(1).framingError()).isNull();
    }

    @Test
    void aRecordThatClosesIsNotCutWhereAValueBeganOnALineOfItsOwn() {
        // when: a record with its asset on a line of its own and a typo'd closer, then two records on the same line
        String first = "{\"asset\":\n{\"name\":\"a\"},\"tags\":[\"x\"}}";
        List<Cut> cuts = readAll(splitter("[" + first + ", {\"b\":1}, {\"c\":2}\n]"));

        // then: the record closed, broken as it is: the records after it are read whole
        assertThat(cuts).extracting(Cut::text).containsExactly(first, "{\"b\":1}", "{\"c\":2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void anObjectInAnArrayOfABrokenRecordIsNeverARecord() {
        // when: a record whose array of objects, one per line, holds one broken (a trailing comma), then another
        String first = "{\n  \"a\": 1,\n  \"previous\": [\n    {\"v\": 1,},\n    {\"v\": 2}\n  ]\n}";
        List<Cut> cuts = readAll(splitter("[\n" + first + ",\n{\"b\": 2}\n]"));

        // then: the objects in the array are the record's own
        assertThat(cuts).extracting(Cut::text).containsExactly(first, "{\"b\": 2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void bytesReadAgainAfterARewindAreNotRewoundToAgain() {
        // when: twenty thousand values on lines of their own, each after a name's colon, none closed: each rewind
        // to the next would read the rest of the file again, twenty thousand times over
        List<Cut> cuts = readAll(splitter("[\n" + "{\"x\":\n".repeat(20_000) + "]"));

        // then: the first record ends where its value began, and the rest, read a second time, is one record
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).text()).isEqualTo("{\"x\":\n");
        assertThat(cuts.get(1).position().line()).isEqualTo(3);
    }

    @Test
    void aNestedObjectLeftOpenEndsItsRecordWhereTheNextOneStarts() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"asset\": {\"name\": \"x\", {\"asset\": {\"name\": \"y\"}}]"));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).framingError()).startsWith("this record is not closed");
        assertThat(cuts.get(1).text()).isEqualTo("{\"asset\": {\"name\": \"y\"}}");
        assertThat(cuts.get(1).framingError()).isNull();
    }

    @Test
    void bracesInStringsAndAMissingColonDoNotSplitARecord() {
        // when: braces inside strings, and a missing colon (the parser's to report) followed by an object value
        List<Cut> cuts = readAll(splitter("[{\"note\": \"a {b\" , \"x\": [1, {\"y\": 2}]}, {\"a\" {\"b\": 1}}]"));

        // then
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
        assertThat(cuts).extracting(Cut::text)
                .containsExactly("{\"note\": \"a {b\" , \"x\": [1, {\"y\": 2}]}", "{\"a\" {\"b\": 1}}");
    }

    @Test
    void fileCutOffInsideARecordIsReportedOnThatRecordOnly() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1}, {\"b\":"));

        // then: one problem, one record; no second report of the missing ]
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 1, 11, 10, 5), "{\"b\":", false, "the file ends inside this record"));
    }

    @Test
    void fileCutOffInsideAStringOfARecordIsReportedOnThatRecord() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":\"x]}"));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 9), "{\"a\":\"x]}", false, "the file ends inside this record"));
    }

    @Test
    void fileCutOffInsideAScalarStringElementIsReportedOnThatRecord() {
        // when
        List<Cut> cuts = readAll(splitter("[1, \"abc"));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(1)).isEqualTo(
                new Cut(new RecordPosition(2, 1, 5, 4, 4), "\"abc", false, "the file ends inside this record"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\":1},\n", "[{\"a\":1}\n\n"})
    void fileEndingBeforeTheClosingBracketIsReportedOnceAtTheEnd(String file) {
        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0)).isEqualTo(new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null));
        long end = utf8(file).length;
        assertThat(cuts.get(1)).isEqualTo(new Cut(new RecordPosition(2, file.endsWith("\n\n") ? 3 : 2, 1, end, 0), "",
                false, "the file ends before the closing ]"));
    }

    @Test
    void arrayWithOnlyItsOpeningBracketIsReportedOnce() {
        // when
        List<Cut> cuts = readAll(splitter("["));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 0), "", false, "the file ends before the closing ]"));
    }

    @Test
    void contentAfterTheClosingBracketIsReadOnAsMoreRecordsAndItsFirstRecordCarriesTheProblem() {
        // when: an array, then JSON Lines
        List<Cut> cuts = readAll(splitter("[{\"a\":1}] {\"b\":2}\n{\"c\":3}"));

        // then: no record is lost in one reject of everything after the bracket
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 1, 11, 10, 7), "{\"b\":2}", false,
                        "the array closed at line 1, column 9, and content follows; it is read on as more records"),
                new Cut(new RecordPosition(3, 2, 1, 18, 7), "{\"c\":3}", false, null));
    }

    @Test
    void aSecondArrayIsReadOnAsMoreElementsAndItsFirstRecordCarriesTheProblem() {
        // when: two files concatenated
        List<Cut> cuts = readAll(splitter("[{\"a\":1}]\n[{\"b\":2}, {\"c\":3}]\n"));

        // then
        assertThat(cuts).containsExactly(
                new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null),
                new Cut(new RecordPosition(2, 2, 2, 11, 7), "{\"b\":2}", false, "another top-level array opens at "
                        + "line 2, column 1, after the first one closed; its records are read as if the arrays were one"),
                new Cut(new RecordPosition(3, 2, 11, 20, 7), "{\"c\":3}", false, null));
    }

    @Test
    void theByteOrderMarkOfAConcatenatedFileIsSkippedAsTheFirstFilesIs() {
        // when: two files a Windows tool wrote, each with its mark, concatenated: arrays, then JSON Lines
        List<Cut> arrays = readAll(splitter("\uFEFF[{\"a\":1}]\n\uFEFF[{\"b\":2}, {\"c\":3}]\n"));
        List<Cut> lines = readAll(splitter("\uFEFF{\"a\":1}\n\uFEFF{\"b\":2}\n"));

        // then: read as without the marks, the second array's first record carrying the problem as always
        assertThat(arrays).extracting(Cut::text).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}");
        assertThat(arrays.get(1).position()).isEqualTo(new RecordPosition(2, 2, 2, 17, 7));
        assertThat(arrays.get(1).framingError()).startsWith("another top-level array opens at line 2, column 1,");
        assertThat(lines).extracting(Cut::text).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(lines).extracting(Cut::framingError).containsOnlyNulls();
        assertThat(lines.get(1).position()).isEqualTo(new RecordPosition(2, 2, 1, 14, 7));

        // and a line that starts with another character of the same first byte (U+FF5B, EF BD 9B) loses none of it
        List<Cut> fullwidth = readAll(splitter("{\"a\":1}\n\uFF5B\"b\":2}\n"));
        assertThat(fullwidth.get(1).position()).isEqualTo(new RecordPosition(2, 2, 1, 8, 9));
        assertThat(fullwidth.get(1).text()).isEqualTo("\uFF5B\"b\":2}");
    }

    @Test
    void aByteOrderMarkOnALineOfItsOwnBetweenLinesIsNoRecord() {
        assertThat(readAll(splitter("{\"a\":1}\n\uFEFF\n{\"b\":2}\n"))).extracting(Cut::text, Cut::framingError)
                .containsExactly(tuple("{\"a\":1}", null), tuple("{\"b\":2}", null));
    }

    @Test
    void emptyArraysAfterTheFirstAreReportedOnceAtTheEndWithoutRecursion() {
        // when: a hundred thousand empty arrays, which a splitter calling itself for each would overflow its stack on
        List<Cut> cuts = readAll(splitter("[{\"a\":1}]" + "[]".repeat(100_000)));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).framingError()).isNull();
        assertThat(cuts.get(1).position()).isEqualTo(new RecordPosition(2, 1, 200_010, 200_009, 0));
        assertThat(cuts.get(1).framingError()).startsWith("another top-level array opens at line 1, column 10,");
    }

    @Test
    void aSecondArrayCutOffIsOneProblemAtTheEnd() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1}] ["));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(1).framingError()).endsWith("; the file ends before the closing ]");
    }

    @Test
    void whiteSpaceAfterTheClosingBracketIsNoProblem() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1}]\r\n \n\t"));

        // then
        assertThat(cuts).containsExactly(new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null));
    }

    @Test
    void trailingCommaBeforeTheClosingBracketIsTolerated() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1}, {\"b\":2},\n]"));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void strayClosingBraceBetweenRecordsIsReportedOnceAndTheNextRecordIsReadNormally() {
        // when
        List<Cut> cuts = readAll(splitter("[{\"a\":1}}, {\"b\":2}]"));

        // then: the splitter moves past the stray byte instead of handing on empty records forever
        assertThat(cuts).hasSize(3);
        assertThat(cuts.get(0)).isEqualTo(new Cut(new RecordPosition(1, 1, 2, 1, 7), "{\"a\":1}", false, null));
        assertThat(cuts.get(1).position()).isEqualTo(new RecordPosition(2, 1, 9, 8, 1));
        assertThat(cuts.get(1).text()).isEqualTo("}");
        assertThat(cuts.get(1).framingError()).isNotNull();
        assertThat(cuts.get(2)).isEqualTo(new Cut(new RecordPosition(3, 1, 12, 11, 7), "{\"b\":2}", false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\":1},, {\"b\":2}]", "[, {\"a\":1}, {\"b\":2}]"})
    void strayCommaIsReportedAsAFramingErrorAndNoEmptyRecordIsHandedOn(String file) {
        // when
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).hasSize(3);
        assertThat(cuts).allSatisfy(cut -> assertThat(cut.position().length()).isPositive());
        assertThat(cuts).filteredOn(cut -> cut.framingError() != null).extracting(Cut::text).containsExactly(",");
        assertThat(cuts).filteredOn(cut -> cut.framingError() == null).extracting(Cut::text)
                .containsExactly("{\"a\":1}", "{\"b\":2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"a\":1},\n}\n{\"b\":2}]", // a stray brace with no comma of its own
        "[{\"a\":1}, xyz {\"b\":2}]", // a word
        "[\n// a comment\n{\"a\":1},  /* another */\n{\"b\":2}\n]", // comments, which JSON has not
        "[{\"a\":1}, \u00ff\n{\"b\":2}]", // a byte that is not UTF-8 (written as UTF-8 here: two bytes)
    })
    void contentThatIsNoRecordCostsOneRejectAndNotTheRecordAfterIt(String file) {
        // when
        List<Cut> cuts = readAll(splitter(file));

        // then: each stretch of it is one reject; the records around it are whole, with no missing comma
        assertThat(cuts).filteredOn(cut -> cut.framingError() == null).extracting(Cut::text)
                .containsExactly("{\"a\":1}", "{\"b\":2}");
        assertThat(cuts).filteredOn(cut -> cut.framingError() != null)
                .hasSize(file.contains("another") ? 2 : 1)
                .allSatisfy(cut -> assertThat(cut.framingError()).contains("where a record should start"))
                .allSatisfy(cut -> assertThat(cut.text()).isEqualTo(cut.text().strip()).isNotEmpty());
    }

    @Test
    void aStringLeftOpenInARecordOfOneLineCostsOnlyThatRecord() {
        // when: the first record's string "x lacks its closing quote, which puts every later quote out of step
        List<Cut> cuts = readAll(splitter("[\n{\"a\": \"x, \"b\": 1},\n{\"c\": \"[\"},\n{\"d\": 3}\n]"));

        // then
        assertThat(cuts).extracting(Cut::text)
                .containsExactly("{\"a\": \"x, \"b\": 1},\n", "{\"c\": \"[\"}", "{\"d\": 3}");
        assertThat(cuts.get(0).framingError()).isEqualTo("a string in this record runs past the end of its line"
                + " (a quote missing?); the next record starts at line 3, column 1");
        assertThat(cuts.subList(1, 3)).extracting(Cut::framingError).containsOnlyNulls();
        assertThat(cuts.get(1).position().line()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"    \"a\": \"x\n", "    a\": \"x\",\n", "    \"a\": \"x\"\",\n"})
    void aQuoteMissingOrOneTooManyInAPrettyPrintedRecordCostsOnlyThatRecord(String brokenLine) {
        // when: a line of the first record lacks a closing or an opening quote, or has one too many
        String first = "{\n" + brokenLine + "    \"b\": {\"c\": \"]\"}\n  }";
        List<Cut> cuts = readAll(splitter("[\n  " + first + ",\n  {\n    \"d\": 1\n  }\n]"));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly(first, "{\n    \"d\": 1\n  }");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls(); // the parser names what is wrong
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\n{\"tags\": [\"x\", {\"y\": 1}}, \"v\": 1},\n{\"b\": [2]},\n{\"c\": 3}\n]",
        "[\n  {\n    \"tags\": [\"x\", {\"y\": 1}}\n  },\n  {\"b\": [2]},\n  {\"c\": 3}\n]"})
    void aBraceTypedForABracketCostsOnlyItsRecord(String file) {
        // when: the first record's array is closed by a brace
        List<Cut> cuts = readAll(splitter(file));

        // then
        assertThat(cuts).extracting(Cut::text).containsExactly(cuts.get(0).text(), "{\"b\": [2]}", "{\"c\": 3}");
        assertThat(cuts.get(0).text()).startsWith("{").endsWith("}").contains("\"tags\"");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void aBracketMissingBeforeABraceEndsItsRecordWhereTheNextStarts() {
        // when: the first record's array is never closed, and its closing brace closes the array instead
        List<Cut> cuts = readAll(splitter("[\n{\"tags\": [\"x\", \"y\"},\n{\"b\": 2},\n{\"c\": 3}\n]"));

        // then
        assertThat(cuts).extracting(Cut::text)
                .containsExactly("{\"tags\": [\"x\", \"y\"},\n", "{\"b\": 2}", "{\"c\": 3}");
        assertThat(cuts.get(0).framingError()).startsWith("this record is not closed before the next one starts");
        assertThat(cuts.subList(1, 3)).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void aStringLeftOpenBeforeAnArrayOfObjectsOnePerLineDoesNotSplitTheRecordAtThem() {
        // when: a quote is missing, then the record holds an array of objects, one per line
        List<Cut> cuts = readAll(splitter(
                "[\n{ \"name\": \"bad,\n  \"deps\": [\n    {\"k\": 1},\n    {\"k\": 2}\n  ], \"v\": 1 },\n{\"b\": 2}\n]"));

        // then
        assertThat(cuts).hasSize(2);
        assertThat(cuts.get(0).text()).startsWith("{ \"name\"").endsWith("\"v\": 1 }");
        assertThat(cuts.get(1).text()).isEqualTo("{\"b\": 2}");
        assertThat(cuts).extracting(Cut::framingError).containsOnlyNulls();
    }

    @Test
    void whatABraceTooManyLeavesOfARecordHoldsItsOwnArraysAndObjects() {
        // when: the rest of the record holds an array and an object, a bracket closing each
        List<Cut> cuts = readAll(splitter("[\n {\"name\": \"a\", \"meta\": {\"k\": 1}}}, \"tags\": [\"x\", \"y\"],"
                + " \"o\": {\"p\": []}, \"v\": 2},\n {\"name\": \"b\"},\n {\"name\": \"c\"}\n]"));

        // then: the record, one reject for the rest of it, and the records after it whole, the array still open
        assertThat(cuts).extracting(Cut::text).containsExactly("{\"name\": \"a\", \"meta\": {\"k\": 1}}", "}",
                "\"tags\": [\"x\", \"y\"], \"o\": {\"p\": []}, \"v\": 2},", "{\"name\": \"b\"}", "{\"name\": \"c\"}");
        assertThat(cuts.get(2).framingError()).startsWith("a property outside any record");
        assertThat(cuts.subList(3, 5)).extracting(Cut::framingError).containsOnlyNulls();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[\n  {\n    \"asset\": {\"name\": \"x\"}},\n    \"version\": 1,\n    \"status\": \"]\"\n  },\n  {\n    \"b\": 2\n  }\n]",
        "[\n{\"asset\": {\"name\": \"x\"}}, \"version\": 1, \"status\": \"]\"},\n{\"b\": 2}\n]",
    })
    void aBraceTooManyCostsItsRecordAndOneRejectForTheRestOfItNotOnePerProperty(String file) {
        // when: a brace too many closes the first record after its asset
        List<Cut> cuts = readAll(splitter(file));

        // then: the record up to that brace, the rest of it up to the next record, and the next record whole
        assertThat(cuts).hasSize(3);
        assertThat(cuts.get(0).text()).startsWith("{").endsWith("\"asset\": {\"name\": \"x\"}}");
        assertThat(cuts.get(0).framingError()).isNull();
        assertThat(cuts.get(1).text()).startsWith("\"version\": 1,")
                .endsWith(file.contains("\n  {") ? "\"]\"\n  }," : "\"]\"},");
        assertThat(cuts.get(1).framingError()).startsWith("a property outside any record");
        assertThat(cuts.get(2).text()).endsWith("\"b\": 2" + (file.contains("\n  {") ? "\n  }" : "}"));
        assertThat(cuts.get(2).framingError()).isNull();
    }

    // --- records over the limit ---

    @Test
    void arrayRecordOverTheLimitIsMarkedTooLargeWithItsFullLengthAndTheNextIsReadNormally() {
        // given
        String big = "{\"a\":\"0123456789\"}";

        // when
        List<RawRecord> records = readRaw(splitter(utf8("[" + big + ", {\"b\":1}]"), 10));

        // then
        assertThat(records).hasSize(2);
        RawRecord tooLarge = records.get(0);
        assertThat(tooLarge.tooLarge()).isTrue();
        assertThat(tooLarge.kept()).isEqualTo(10);
        assertThat(new String(tooLarge.bytes(), 0, tooLarge.kept(), StandardCharsets.UTF_8))
                .isEqualTo(big.substring(0, 10));
        assertThat(tooLarge.position()).isEqualTo(new RecordPosition(1, 1, 2, 1, big.length()));
        assertThat(cut(records.get(1))).isEqualTo(new Cut(new RecordPosition(2, 1, 22, 21, 7), "{\"b\":1}", false, null));
    }

    @Test
    void lineOverTheLimitIsMarkedTooLargeWithItsFullLengthAndTheNextIsReadNormally() {
        // given
        String big = "{\"a\":\"0123456789\"}";

        // when
        List<RawRecord> records = readRaw(splitter(utf8(big + "\n{\"b\":1}\n"), 10));

        // then
        assertThat(records).hasSize(2);
        RawRecord tooLarge = records.get(0);
        assertThat(tooLarge.tooLarge()).isTrue();
        assertThat(tooLarge.kept()).isEqualTo(10);
        assertThat(new String(tooLarge.bytes(), 0, tooLarge.kept(), StandardCharsets.UTF_8))
                .isEqualTo(big.substring(0, 10));
        assertThat(tooLarge.position()).isEqualTo(new RecordPosition(1, 1, 1, 0, big.length()));
        assertThat(cut(records.get(1))).isEqualTo(new Cut(new RecordPosition(2, 2, 1, 19, 7), "{\"b\":1}", false, null));
    }

    @Test
    void lengthOfALineOverTheLimitLeavesOutItsTrailingCarriageReturnAndBlanks() {
        // given
        String big = "{\"a\":\"0123456789\"}";

        // when
        List<RawRecord> records = readRaw(splitter(utf8(big + " \t\r\n{\"b\":1}\r\n"), 10));

        // then
        assertThat(records.get(0).tooLarge()).isTrue();
        assertThat(records.get(0).position().length()).isEqualTo(big.length());
        assertThat(records.get(1).position()).isEqualTo(new RecordPosition(2, 2, 1, 22, 7));
    }

    @Test
    void lengthOfALineOverTheLimitCountsBlanksThatFallAtTheLimit() {
        // given: the 6th byte, where the record is cut, is a space
        String big = "{\"a\": \"0123456789\"}";

        // when
        List<RawRecord> records = readRaw(splitter(utf8(big + "\n"), 6));

        // then
        assertThat(records).hasSize(1);
        assertThat(records.get(0).tooLarge()).isTrue();
        assertThat(records.get(0).kept()).isEqualTo(6);
        assertThat(records.get(0).position().length()).isEqualTo(big.length());
    }

    @Test
    void lineWithTrailingBlanksThatFitsTheLimitOnceTheyAreLeftOutIsNotTooLarge() {
        // when
        List<RawRecord> records = readRaw(splitter(utf8("{\"a\":1}      \r\n"), 7));

        // then
        assertThat(records).hasSize(1);
        assertThat(cut(records.get(0))).isEqualTo(new Cut(new RecordPosition(1, 1, 1, 0, 7), "{\"a\":1}", false, null));
    }

    @Test
    void recordExactlyAtTheLimitIsNotTooLarge() {
        // when
        List<RawRecord> records = readRaw(splitter(utf8("[{\"a\":1}]"), 7));

        // then
        assertThat(records).hasSize(1);
        assertThat(records.get(0).tooLarge()).isFalse();
        assertThat(records.get(0).kept()).isEqualTo(7);
    }

    @Test
    void recordLongerThanTheInitialBufferIsKeptWhole() {
        // given
        String big = "{\"a\":\"" + "x".repeat(5000) + "\"}";

        // when
        List<Cut> cuts = readAll(splitter("[" + big + "]"));

        // then
        assertThat(cuts).containsExactly(new Cut(new RecordPosition(1, 1, 2, 1, big.length()), big, false, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": \"日本 🐉\"}\r\n\r\n  {\"b\": [1, 2]} \t \n{\"d\": \"0123456789012345678901234567890\"}   \r\n"
                + "{\"e\": \"é\"}\n\r\n\r\"x\"\r{\"f\": 6}  ",
        "[\n  {\"a\": \"日本 🐉\"},\n  {\"b\": [1, {\"c\": \"]\"}]}, {\"d\": \"0123456789012345678901234567890\"}\r\n"
                + "  {\"e\": \"é\"}, \"x\", {\"f\": 6},\n]\n",
        "[\n{\"a\":1, \"x\":\n{\"b\": \"日本 🐉\"},\n{\"c\":3}\n]\n{\"d\":4}, {\"e\":5}\n]\n{\"f\":6, // note\n{\"g\":7}"})
    void recordsArePositionedTheSameWhateverBytesEachReadOfTheFileReturns(String content) {
        byte[] file = concat(BOM, utf8(content));
        List<Cut> whole = readAll(splitter(file, 20));
        assertThat(whole).hasSize(6).anySatisfy(cut -> assertThat(cut.tooLarge()).isTrue());

        for (int most = 1; most <= 7; most++) {
            var trickle = new RecordSplitter(new Trickle(file, most), 20);

            assertThat(readAll(trickle)).as("at most %d bytes per read", most).isEqualTo(whole);
        }
    }

    /** Hands out at most {@code most} bytes per read, as a pipe or a slow disk may: each read ends a buffer. */
    private static final class Trickle extends ByteArrayInputStream {

        private final int most;

        Trickle(byte[] content, int most) {
            super(content);
            this.most = most;
        }

        @Override
        public synchronized int read(byte[] into, int offset, int length) {
            return super.read(into, offset, Math.min(length, most));
        }
    }

    // --- checkpoint and restart ---

    @ParameterizedTest
    @ValueSource(strings = {
        "[\n  {\"a\": \"日本\"},\n  {\"b\": [1, {\"c\": \"]\"}]}, {\"d\": \"0123456789012345678901234567890\"}\r\n"
                + "  {\"e\": 5}, \"x\", {\"f\": 6},\n]\n",
        "{\"a\": \"日本\"}\r\n\r\n  {\"b\": [1, 2]}\n{\"d\": \"0123456789012345678901234567890\"}\n"
                + "{\"e\": 5} \r\"x\"\r\r\n{\"f\": 6}"})
    void restartFromACheckpointYieldsExactlyTheRemainingRecordsWithTheSamePositions(String content) {
        byte[] file = concat(BOM, utf8(content));
        List<Cut> uninterrupted = readAll(splitter(file, 20));
        assertThat(uninterrupted).hasSize(6);
        assertThat(uninterrupted).anySatisfy(cut -> assertThat(cut.tooLarge()).isTrue());

        for (int cutAfter = 0; cutAfter <= uninterrupted.size(); cutAfter++) {
            // given
            var first = splitter(file, 20);
            List<Cut> before = new ArrayList<>();
            for (int i = 0; i < cutAfter; i++) {
                before.add(cut(first.next()));
            }
            RecordSplitter.Checkpoint checkpoint = first.checkpoint();

            // when
            int at = (int) checkpoint.offset();
            var resumed = new RecordSplitter(new ByteArrayInputStream(file, at, file.length - at), 20, checkpoint);
            List<Cut> after = readAll(resumed);

            // then
            List<Cut> all = new ArrayList<>(before);
            all.addAll(after);
            assertThat(all).as("restarted after %d records", cutAfter).isEqualTo(uninterrupted);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"a\":1} {\"b\":2}, {\"c\":3}] x",
        "[{\"a\":1}]\n[{\"b\":2}, {\"c\":3}]\n{\"d\":4}\r\n{\"e\":5}",
        "[\n{\"a\":1, \"x\":\n{\"b\": \"日本\"},\n{\"c\":3}\n]\n{\"d\":4}, {\"e\":5}\n]\n{\"f\":6, // note\n{\"g\":7}",
        "[\n{\"a\":\n{\"b\":\n{\"c\":1},\n{\"d\":2},\n{\"e\":5}\n]"})
    void restartAfterAFramingErrorKeepsReportingFramingErrorsAsAnUninterruptedReadDoes(String content) {
        byte[] file = utf8(content);
        List<Cut> uninterrupted = readAll(splitter(file, LIMIT));
        assertThat(uninterrupted).hasSizeGreaterThanOrEqualTo(4);
        assertThat(uninterrupted).filteredOn(cut -> cut.framingError() != null).hasSizeGreaterThanOrEqualTo(2);

        for (int cutAfter = 0; cutAfter <= uninterrupted.size(); cutAfter++) {
            // given
            var first = splitter(file, LIMIT);
            List<Cut> all = new ArrayList<>();
            for (int i = 0; i < cutAfter; i++) {
                all.add(cut(first.next()));
            }
            RecordSplitter.Checkpoint checkpoint = first.checkpoint();

            // when
            int at = (int) checkpoint.offset();
            all.addAll(readAll(new RecordSplitter(new ByteArrayInputStream(file, at, file.length - at), LIMIT,
                    checkpoint)));

            // then
            assertThat(all).as("restarted after %d records", cutAfter).isEqualTo(uninterrupted);
        }
    }

    @Test
    void checkpointRecordsTheFramingAndTheCountOfRecordsRead() {
        // given
        var splitter = splitter("[{\"a\":1}, {\"b\":2}]");

        // when
        splitter.next();
        RecordSplitter.Checkpoint checkpoint = splitter.checkpoint();

        // then
        assertThat(checkpoint.framing()).isEqualTo(RecordSplitter.Framing.ARRAY);
        assertThat(checkpoint.recordNumber()).isEqualTo(1);
        assertThat(checkpoint.offset()).isEqualTo(8);
        assertThat(checkpoint.line()).isEqualTo(1);
        assertThat(checkpoint.column()).isEqualTo(9);
        assertThat(checkpoint.state()).isEqualTo(RecordSplitter.State.AFTER_ELEMENT);
    }

    // --- helpers ---

    private static RecordSplitter splitter(String content) {
        return splitter(utf8(content), LIMIT);
    }

    private static RecordSplitter splitter(byte[] content) {
        return splitter(content, LIMIT);
    }

    private static RecordSplitter splitter(byte[] content, int maxRecordBytes) {
        return new RecordSplitter(new ByteArrayInputStream(content), maxRecordBytes);
    }

    private static List<RawRecord> readRaw(RecordSplitter splitter) {
        List<RawRecord> records = new ArrayList<>();
        RawRecord raw;
        while ((raw = splitter.next()) != null) {
            records.add(raw);
            if (records.size() > 1000) {
                throw new AssertionError("The splitter does not come to an end: " + records.subList(0, 5));
            }
        }
        return records;
    }

    private static List<Cut> readAll(RecordSplitter splitter) {
        return readRaw(splitter).stream().map(RecordSplitterTests::cut).toList();
    }

    private static Cut cut(RawRecord raw) {
        return new Cut(raw.position(), new String(raw.bytes(), 0, raw.kept(), StandardCharsets.UTF_8), raw.tooLarge(),
                raw.framingError());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
