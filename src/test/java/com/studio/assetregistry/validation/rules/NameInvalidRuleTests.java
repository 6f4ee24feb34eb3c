package com.studio.assetregistry.validation.rules;

import static com.studio.assetregistry.validation.InputRecordBuilder.ARRAY;
import static com.studio.assetregistry.validation.InputRecordBuilder.MISSING;
import static com.studio.assetregistry.validation.InputRecordBuilder.NULL;
import static com.studio.assetregistry.validation.InputRecordBuilder.OBJECT;
import static com.studio.assetregistry.validation.InputRecordBuilder.aValidRecord;
import static com.studio.assetregistry.validation.InputRecordBuilder.bool;
import static com.studio.assetregistry.validation.InputRecordBuilder.decimal;
import static com.studio.assetregistry.validation.InputRecordBuilder.integer;
import static com.studio.assetregistry.validation.InputRecordBuilder.string;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.FieldValue;
import com.studio.assetregistry.validation.InputRecord;
import com.studio.assetregistry.validation.MessageText;
import com.studio.assetregistry.validation.ModelValues;
import com.studio.assetregistry.validation.Violation;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameInvalidRuleTests {

    /** A character outside the Basic Multilingual Plane: one code point, two UTF-16 chars. */
    private static final String CLAPPER_BOARD = "\uD83C\uDFAC";

    private final NameInvalidRule rule = new NameInvalidRule(ModelValues.defaults());

    static Stream<Arguments> namesThatAreNotStrings() {
        return Stream.of(
                Arguments.of(integer("42"), "42"),
                Arguments.of(decimal("4.2"), "4.2"),
                Arguments.of(bool(true), "true"),
                Arguments.of(OBJECT, "an object"),
                Arguments.of(ARRAY, "an array"));
    }

    @ParameterizedTest(name = "name {1}")
    @MethodSource("namesThatAreNotStrings")
    void rejectsNameThatIsNotAString(FieldValue name, String described) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name must be a string, got " + described);
        });
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {" hero", "hero ", "\thero", "hero\n", "  hero  ", "hero\u3000", "hero\u00A0", "\u202Fhero"})
    void rejectsNameWithLeadingOrTrailingWhiteSpace(String name) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).contains(MessageText.quoted(name)).contains("white space");
        });
    }

    @ParameterizedTest(name = "control U+{0}")
    @ValueSource(strings = {"0000", "0007", "0009", "000A", "001B", "007F", "0085", "009F"})
    void rejectsNameContainingAControlCharacter(String codePoint) {
        // given
        String name = "he" + (char) Integer.parseInt(codePoint, 16) + "ro";
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).contains(MessageText.quoted(name)).contains("control character")
                    .as("the character escaped").doesNotContain(name);
        });
    }

    static Stream<Arguments> namesWithAnUnpairedSurrogate() {
        return Stream.of(
                Arguments.of("\uD800", "d800", 1),
                Arguments.of("hero\uDC00", "dc00", 5),
                Arguments.of(CLAPPER_BOARD + "x\uDBFFy", "dbff", 3),
                Arguments.of("he\uDFFF\uD83Cro", "dfff", 3));
    }

    @ParameterizedTest(name = "surrogate U+{1}")
    @MethodSource("namesWithAnUnpairedSurrogate")
    void rejectsNameWithAnUnpairedSurrogate(String name, String surrogate, int character) {
        // given: what a JSON escape such as "\ud800" reads as
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name contains an unpaired surrogate (\\u" + surrogate
                    + ") at character " + character + ": it is not Unicode text, and no database could store it");
        });
    }

    static Stream<Arguments> namesWithAnInvisibleCharacter() {
        return Stream.of(
                Arguments.of("\uFEFFhero", "FEFF", 1),
                Arguments.of("hero\u200B", "200B", 5),
                Arguments.of("he\u202Ero", "202E", 3),
                Arguments.of("\u200Dhero", "200D", 1),
                Arguments.of("hero\u200C", "200C", 5),
                Arguments.of(CLAPPER_BOARD + "\u2060x", "2060", 2),
                Arguments.of("h\u00ADero", "00AD", 2));
    }

    @ParameterizedTest(name = "U+{1} at {2}")
    @MethodSource("namesWithAnInvisibleCharacter")
    void rejectsNameWithAnInvisibleFormattingCharacter(String name, String codePoint, int character) {
        // given: a name that reads as another one
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            // the name as a message prints it: a bidirectional control written as an escape (see MessageText)
            assertThat(v.message()).isEqualTo("asset.name \"" + MessageText.printable(name) + "\" contains an invisible"
                    + " formatting character (U+" + codePoint + ") at character " + character + ": two names that look"
                    + " the same would be two assets");
        });
    }

    static Stream<Arguments> namesWithAFillerASeparatorOrANoncharacter() {
        return Stream.of(
                Arguments.of("\u3164", "a blank filler character (U+3164) at character 1: two names that look the same"
                        + " would be two assets"),
                Arguments.of("hero\u115F", "a blank filler character (U+115F) at character 5: two names that look the"
                        + " same would be two assets"),
                Arguments.of("he\u2800ro", "a blank filler character (U+2800) at character 3: two names that look the"
                        + " same would be two assets"),
                Arguments.of("hero\u034F", "an invisible mark (U+034F) at character 5: two names that look the same"
                        + " would be two assets"),
                Arguments.of("hero\uFE0F", "an invisible mark (U+FE0F) at character 5: two names that look the same"
                        + " would be two assets"),
                Arguments.of("\uFE0Fhero", "an invisible mark (U+FE0F) at character 1: two names that look the same"
                        + " would be two assets"),
                Arguments.of("h\u17B4ero", "an invisible mark (U+17B4) at character 2: two names that look the same"
                        + " would be two assets"),
                Arguments.of("hero \uFE0F", "an invisible mark (U+FE0F) at character 6: two names that look the same"
                        + " would be two assets"),
                Arguments.of("\u0433\u0435\u0440\u043E\u0439\uFE0F", "an invisible mark (U+FE0F) at character 6: two"
                        + " names that look the same would be two assets"),
                Arguments.of("hero-\uFE0F", "an invisible mark (U+FE0F) at character 6: two names that look the same"
                        + " would be two assets"),
                Arguments.of("hero\u2028two", "a line or paragraph separator (U+2028) at character 5: it breaks the line"
                        + " a listing or a report prints the name on"),
                Arguments.of("he\u2029ro", "a line or paragraph separator (U+2029) at character 3: it breaks the line a"
                        + " listing or a report prints the name on"),
                Arguments.of("hero\uFFFE", "a noncharacter (U+FFFE) at character 5: Unicode keeps it for a program's"
                        + " own use, never for text"),
                Arguments.of("\uFDD0hero", "a noncharacter (U+FDD0) at character 1: Unicode keeps it for a program's"
                        + " own use, never for text"),
                Arguments.of(CLAPPER_BOARD + "\uD83F\uDFFF", "a noncharacter (U+1FFFF) at character 2: Unicode keeps it"
                        + " for a program's own use, never for text"),
                // the ends of the ranges: the first variation selector and the last of the supplement's, the last
                // noncharacter of the Arabic block, a Mongolian selector after a letter it cannot select
                Arguments.of("hero\uFE00", "an invisible mark (U+FE00) at character 5: two names that look the same"
                        + " would be two assets"),
                Arguments.of("hero\uDB40\uDD00", "an invisible mark (U+E0100) at character 5: two names that look the"
                        + " same would be two assets"),
                Arguments.of("hero\uDB40\uDDEF", "an invisible mark (U+E01EF) at character 5: two names that look the"
                        + " same would be two assets"),
                Arguments.of("hero\uFDEF", "a noncharacter (U+FDEF) at character 5: Unicode keeps it for a program's"
                        + " own use, never for text"),
                Arguments.of("hero\u180B", "an invisible mark (U+180B) at character 5: two names that look the same"
                        + " would be two assets"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("namesWithAFillerASeparatorOrANoncharacter")
    void rejectsNameWithABlankFillerALineSeparatorOrANoncharacter(String name, String what) {
        Optional<Violation> violation = rule.check(aValidRecord().name(name).build());

        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.message()).isEqualTo("asset.name \"" + MessageText.printable(name) + "\" contains " + what);
        });
    }

    @Test
    void rejectsNameOf256Characters() {
        // given
        InputRecord record = aValidRecord().name("x".repeat(256)).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.field()).isEqualTo("asset.name");
            assertThat(v.message()).isEqualTo("asset.name is 256 characters long, more than 255");
        });
    }

    @Test
    void rejectsANameTooLongToKeepByItsWholeLength() {
        // given: a name of 900,000 characters, of which the record keeps the first 1,024
        InputRecord record = aValidRecord().name(FieldValue.string(" hero\u0000".repeat(150_000))).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then: its length, the one fault that reading part of it can tell for sure
        assertThat(violation).map(Violation::message).hasValue("asset.name is 900000 characters long, more than 255");
    }

    @Test
    void acceptsNameOf255Characters() {
        // given
        InputRecord record = aValidRecord().name("x".repeat(255)).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @Test
    void countsNameLengthInCodePointsNotChars() {
        // given 255 code points written as 510 UTF-16 chars
        String name = CLAPPER_BOARD.repeat(255);
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(name).hasSize(510);
        assertThat(violation).isEmpty();
    }

    @Test
    void rejectsNameOf256CodePointsOutsideTheBasicPlane() {
        // given
        InputRecord record = aValidRecord().name(CLAPPER_BOARD.repeat(256)).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).map(Violation::message)
                .hasValue("asset.name is 256 characters long, more than 255");
    }

    @Test
    void usesConfiguredMaximumNameLength() {
        // given
        var shortNames = new NameInvalidRule(new ModelValues(null, null, null, 4));

        // when
        Optional<Violation> fits = shortNames.check(aValidRecord().name("hero").build());
        Optional<Violation> tooLong = shortNames.check(aValidRecord().name("heros").build());

        // then
        assertThat(fits).isEmpty();
        assertThat(tooLong).map(Violation::message).hasValue("asset.name is 5 characters long, more than 4");
    }

    @ParameterizedTest(name = "name {0}")
    @CsvSource(delimiter = '|', textBlock = """
            he\u0301ros           | characters 2 to 3 (U+0065 U+0301) are U+00E9 in NFC
            he\u0300ros           | characters 2 to 3 (U+0065 U+0300) are U+00E8 in NFC
            \u212Bngstr\u00F6m     | character 1 (U+212B) is U+00C5 in NFC
            take \u1112\u1161\u11AB | characters 6 to 8 (U+1112 U+1161 U+11AB) are U+D55C in NFC
            q\u0307\u0323          | characters 2 to 3 (U+0307 U+0323) are U+0323 U+0307 in NFC
            a\u0302\u0323y         | characters 1 to 3 (U+0061 U+0302 U+0323) are U+1EAD in NFC
            \u0958dev             | character 1 (U+0958) is U+0915 U+093C in NFC
            """)
    void rejectsNameNotInComposedFormSayingWhere(String name, String where) {
        // given: e and a combining acute (as macOS writes file names), the Angstrom sign, Hangul's letters, marks out
        // of order, a letter with two marks, a character NFC decomposes
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.rule()).isEqualTo("name.invalid");
            assertThat(v.message()).isEqualTo("asset.name " + MessageText.quoted(name) + " is not in Unicode's "
                    + "composed form (NFC): " + where + "; two names that look the same would be two assets");
        });
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"hero", "h", "hero prop", "héros_01", "h\u00E9ros", "\uD55C\uAE00", "\u00C5ngstr\u00F6m",
            "prop \u03A9 2", "英雄", "a-b.c", "\uD83C\uDFAC take 2",
            "\uD83D\uDC68\u200D\uD83D\uDC69 family", "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
            "\u2764\uFE0F heart", "\u8FBB\uDB40\uDD00 ivs", "take 1\uFE0F\u20E3", "take 0\uFE0F\u20E3",
            "take 9\uFE0F\u20E3", "\u1820\u180B"})
    void acceptsWellFormedName(String name) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    static Stream<FieldValue> namesThatNameRequiredOwns() {
        return Stream.of(MISSING, NULL, string(""), string("   "), string("\t"));
    }

    @ParameterizedTest(name = "name {0}")
    @MethodSource("namesThatNameRequiredOwns")
    void leavesMissingNullAndBlankNamesToNameRequired(FieldValue name) {
        // given
        InputRecord record = aValidRecord().name(name).build();

        // when
        Optional<Violation> violation = rule.check(record);

        // then
        assertThat(violation).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.studio.assetregistry.validation.InputRecordBuilder#recordsWithoutAnAssetObject")
    void doesNotApplyWhenAssetIsNotAnObject(String situation, InputRecord record) {
        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isFalse();
    }

    @Test
    void appliesWhenAssetIsAnObject() {
        // given
        InputRecord record = aValidRecord().name(integer("1")).build();

        // when
        boolean applies = rule.appliesTo(record);

        // then
        assertThat(applies).isTrue();
    }
}
