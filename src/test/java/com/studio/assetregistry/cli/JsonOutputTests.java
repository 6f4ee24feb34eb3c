package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonOutputTests {

    record Run(long id, String status) {
    }

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    @Test
    void printsAValueOnOneLine() {
        JsonOutput.print(out, new Run(1, "COMPLETED"));

        assertThat(text).hasToString("{\"id\":1,\"status\":\"COMPLETED\"}\n");
    }

    @Test
    void printsAListAsAnArrayWithOneElementPerLine() {
        JsonOutput.print(out, List.of(new Run(2, "FAILED"), new Run(1, "COMPLETED")));

        assertThat(text).hasToString("""
                [
                {"id":2,"status":"FAILED"},
                {"id":1,"status":"COMPLETED"}
                ]
                """);
    }

    @Test
    void printsAnEmptyListAsAnEmptyArray() {
        JsonOutput.print(out, List.of());

        assertThat(text).hasToString("[]\n");
    }
}
