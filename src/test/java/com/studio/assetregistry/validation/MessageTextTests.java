package com.studio.assetregistry.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTests {

    @Test
    void writesEveryControlCharacterAsAJsonEscape() {
        assertThat(MessageText.printable("a\u0000b")).as("NUL, which PostgreSQL refuses in text")
                .isEqualTo("a\\u0000b");
        assertThat(MessageText.printable("\u001b[2Jx")).as("ESC, which a terminal obeys").isEqualTo("\\u001b[2Jx");
        assertThat(MessageText.printable("a\u007fb\u009bc")).as("DEL and a C1 control").isEqualTo("a\\u007fb\\u009bc");
        assertThat(MessageText.printable("a\nb\rc\td")).as("line breaks and tabs: a message stays one line")
                .isEqualTo("a\\nb\\rc\\td");
    }

    @Test
    void writesBidirectionalControlsAndLineSeparatorsAsEscapesAndLeavesOtherFormatCharactersAlone() {
        assertThat(MessageText.printable("hero\u202Eexe.sj")).as("RIGHT-TO-LEFT OVERRIDE: the rest would show reversed")
                .isEqualTo("hero\\u202eexe.sj");
        assertThat(MessageText.printable("a\u061Cb\u200Ec\u200Fd\u202Ae\u2066f\u2069g\u2028h\u2029i"))
                .isEqualTo("a\\u061cb\\u200ec\\u200fd\\u202ae\\u2066f\\u2069g\\u2028h\\u2029i");
        String joined = "\uD83D\uDC69\u200D\uD83D\uDCBB"; // an emoji sequence joined by ZERO WIDTH JOINER
        assertThat(MessageText.printable(joined)).isSameAs(joined);
    }

    @Test
    void writesAnUnpairedSurrogateAsAnEscapeAndKeepsAPairWhole() {
        assertThat(MessageText.printable("a\uD800b\uDC00c\uD83C\uDFAC\uD83C"))
                .isEqualTo("a\\ud800b\\udc00c\uD83C\uDFAC\\ud83c");
    }

    @Test
    void leavesPrintableTextAsItIsQuotesAndBackslashesIncluded() {
        String text = "version \"2\" of h\\ero, née Ωmega \uD83C\uDFAC";

        assertThat(MessageText.printable(text)).isSameAs(text);
    }

    @Test
    void quotesAsAJsonStringWouldBeWritten() {
        assertThat(MessageText.quoted("a\"b\\c\u0000")).isEqualTo("\"a\\\"b\\\\c\\u0000\"");
        assertThat(MessageText.quoted("hero")).isEqualTo("\"hero\"");
    }

    @Test
    void aViolationsMessageIsAlwaysPrintable() {
        Violation violation = new Violation("studio.rule", "status", "status is \"a\u0000\"\nsecond line");

        assertThat(violation.message()).isEqualTo("status is \"a\\u0000\"\\nsecond line");
    }

    @Test
    void aStringValueIsDescribedAsWrittenInTheFile() {
        assertThat(FieldValue.string("act\"i\u0000ve").describe()).isEqualTo("\"act\\\"i\\u0000ve\"");
    }
}
