package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableTests {

    @Test
    void alignsColumnsAndRightAlignsNumbers() {
        var text = new StringWriter();
        Table table = Table.of(new PrintWriter(text), "NAME", ">COUNT");

        table.row("hero", 7);
        table.row("villain", 12);
        table.end();

        assertThat(text.toString().lines()).containsExactly(
                "NAME     COUNT",
                "hero         7",
                "villain     12");
    }

    @Test
    void printsControlCharactersAsEscapesSoThatARowStaysOneLineAndTheTerminalObeysNothing() {
        var text = new StringWriter();
        Table table = Table.of(new PrintWriter(text), "SOURCE", ">RUN");

        table.row("night\u001b[2J\nrun.json", 3);
        table.end();

        assertThat(text.toString().lines()).containsExactly(
                "SOURCE" + " ".repeat(20) + "RUN",
                "night\\u001b[2J\\nrun.json    3");
    }
}
