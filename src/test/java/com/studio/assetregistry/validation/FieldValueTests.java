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
        assertThat(value.text()).hasSizeLessThanOrEqualTo(FieldValue.KEPT_CHARS).startsWith("hero ");
        assertThat(Character.isHighSurrogate(value.text().charAt(value.text().length() - 1)))
                .as("no pair is cut in half").isFalse();
        assertThat(value.codePoints()).isEqualTo(500_005);
        assertThat(value.describe()).startsWith("\"hero ").endsWith("...\"");
        assertThat(value.describe().codePoints().count()).as("abbreviated as any long value").isEqualTo(82);
    }

    @Test
    void aLongStringOfWhiteSpaceIsNotBlankButLong() {
        FieldValue value = FieldValue.string(" ".repeat(FieldValue.KEPT_CHARS + 1));

        assertThat(value.isBlankString()).isFalse();
        assertThat(value.codePoints()).isEqualTo(1025);
    }
}
