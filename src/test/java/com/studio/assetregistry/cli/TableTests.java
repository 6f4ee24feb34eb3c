package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.validation.RuleEntry;
import com.studio.assetregistry.validation.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
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

    @Test
    void theRulesTablePrintsADescriptionsControlCharactersAsEscapes() {
        // a name.pattern's description states the pattern, which a rules file may write with a tab or a line break
        List<String> lines = RulesCommand.table(List.of(new RuleEntry("name.pattern", "asset.name",
                "the name does not match ^[a-z]+\t\u2028$", Severity.ERROR, true, true)));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("the name does not match ^[a-z]+\\t\\u2028$");
    }
}
