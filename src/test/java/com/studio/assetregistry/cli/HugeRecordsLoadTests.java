package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records just under the 1 MiB limit, more of them than the heap could hold: a chunk holds 10,000 records, so a load
 * keeps only an excerpt of each large record and the first characters of each long value, and completes in a heap
 * smaller than the file. In a child JVM with a small heap, as {@code -Xmx} would give a user's.
 */
class HugeRecordsLoadTests {

    private static final int RECORDS = 120;
    private static final String LONG = "x".repeat(900_000);

    @TempDir
    Path dir;

    @Test
    void aFileOfRecordsNearTheLimitLoadsInAHeapSmallerThanTheFile() throws Exception {
        // given: 108 MB of records, one in six with long notes (registered), the others with a long name (rejected)
        Path file = dir.resolve("huge.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < RECORDS; i++) {
                boolean longName = i % 6 != 0;
                out.write("{\"asset\": {\"name\": \"" + (longName ? LONG + i : "prop" + i) + "\", \"type\": \"prop\"}, "
                        + "\"department\": \"fx\", \"version\": 1, \"status\": \"active\", \"notes\": \""
                        + (longName ? "" : LONG) + "\"}\n");
            }
        }
        Path reports = dir.resolve("reports");

        // when
        Process child = new ProcessBuilder(ChildJvm.command(List.of("-Xmx96m"),
                "--db", dir.resolve("registry.db").toString(), "--reports", reports.toString(),
                "load", "--progress", "none", file.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());

        // then
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).startsWith("read 120, registered 20, unchanged 0, rejected 100 (name.invalid 100); ");
        List<JsonNode> rejects = Files.readAllLines(reports.resolve("1/rejects.jsonl")).stream()
                .map(JsonMapper.shared()::readTree).toList();
        assertThat(rejects).hasSize(100).allSatisfy(reject -> {
            assertThat(reject.at("/rules/0/message").asString())
                    .matches("asset\\.name is 90000\\d+ characters long, more than 255");
            assertThat(reject.get("record").isString()).as("an excerpt, as text").isTrue();
            assertThat(reject.get("record").asString()).hasSize(1024).startsWith("{\"asset\": {\"name\": \"xxx");
        });
    }
}
