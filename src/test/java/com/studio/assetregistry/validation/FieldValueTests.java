package com.studio.assetregistry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldValueTests {

    private static final String CLAPPER_BOARD = "\uD83C\uDFAC";

    @Test
    void keepsAStringOfUpTo1024CharactersWhole() {
        String text = "x".repeat(FieldValue.KEPT_CHARS);

        FieldValue value = FieldValue.string(text);

        assertThat(value.text()).isEqualTo(text);
        assertThat(value.isCut()).isFalse();
        assertThat(value.codePoints()).isEqualTo(1024);
        assertThat(value).isEqualTo(new FieldValue(FieldValue.Kind.STRING, text));
    }

    @Test
    void keepsTheFirst1024CharactersOfALongerStringAndItsWholeLength() {
        String text = "hero " + CLAPPER_BOARD.repeat(500_000);

        FieldValue value = FieldValue.string(text);

        assertThat(value.isCut()).isTrue();
        assertThat(value.text()).startsWith("hero ").isEqualTo("hero " + CLAPPER_BOARD.repeat(1019));
        assertThat(value.text().codePointCount(0, value.text().length())).isEqualTo(FieldValue.KEPT_CHARS);
        assertThat(value.codePoints()).isEqualTo(500_005);
        assertThat(value.describe()).startsWith("\"hero ").endsWith("...\"");
        assertThat(value.describe().codePoints().count()).as("abbreviated as any long value").isEqualTo(82);
    }

    @Test
    void keepsAStringOf1024CharactersOutsideTheBasicPlaneWholeThoughItHas2048Chars() {
        String text = CLAPPER_BOARD.repeat(FieldValue.KEPT_CHARS);

        FieldValue value = FieldValue.string(text);

        assertThat(value.isCut()).isFalse();
        assertThat(value.text()).isEqualTo(text);
        assertThat(value.codePoints()).isEqualTo(1024);
        assertThat(FieldValue.string(text + "x").isCut()).isTrue();
        assertThat(FieldValue.string(text + "x").codePoints()).isEqualTo(1025);
    }

    @Test
    void aLongStringOfWhiteSpaceIsNotBlankButLong() {
        FieldValue value = FieldValue.string(" ".repeat(FieldValue.KEPT_CHARS + 1));

        assertThat(value.isBlankString()).isFalse();
        assertThat(value.codePoints()).isEqualTo(1025);
    }

    @Test
    void describesAValueOf80CharactersWholeAndALongerOneAbbreviated() {
        String eighty = "x".repeat(80);

        assertThat(FieldValue.string(eighty).describe()).isEqualTo("\"" + eighty + "\"");
        assertThat(FieldValue.string(eighty + "y").describe()).isEqualTo("\"" + "x".repeat(77) + "...\"");
    }
}
