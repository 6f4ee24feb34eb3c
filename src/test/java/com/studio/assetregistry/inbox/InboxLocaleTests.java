package com.studio.assetregistry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox of a service started by {@code java -jar} under a C locale (cron's, systemd's, a bare container's), in
 * which Java cannot encode a non-ASCII file name back: such a file is passed over, and the others are loaded.
 */
class InboxLocaleTests {

    @TempDir
    Path dir;

    @Test
    void aNameJavaCannotEncodeUnderACLocaleIsPassedOverAndTheOtherFilesAreLoaded() throws Exception {
        // given
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        String record = "{\"asset\": {\"name\": \"%s\", \"type\": \"prop\"}, \"department\": \"fx\", \"version\": 1,"
                + " \"status\": \"active\"}\n";
        Files.writeString(inbox.resolve("héros.jsonl"), record.formatted("hero"));
        Files.writeString(inbox.resolve("good.jsonl"), record.formatted("good"));
        Path log = dir.resolve("serve.log");
        ProcessBuilder serve = new ProcessBuilder(ChildJvm.command("--db", dir.resolve("registry.db").toString(),
                "--reports", dir.resolve("reports").toString(), "serve", "--port", "0"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        serve.environment().remove("LANG");
        serve.environment().put("LC_ALL", "C");
        serve.environment().put("REGISTRY_INGEST_SCHEDULE", "* * * * * *");
        serve.environment().put("REGISTRY_INGEST_INBOX", inbox.toString());
        serve.environment().put("REGISTRY_INGEST_SETTLETIME", "0s");

        // when
        Process process = serve.start();
        try {
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            while (!Files.exists(inbox.resolve("processed/good.jsonl.report")) && Instant.now().isBefore(giveUp)
                    && process.isAlive()) {
                Thread.sleep(100);
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        // then: the good file was loaded; the other one stays, and the log says why, without a stack trace
        String output = Files.readString(log);
        assertThat(inbox.resolve("processed/good.jsonl")).as(output).exists();
        assertThat(inbox.resolve("héros.jsonl")).exists();
        assertThat(output).contains(".jsonl is passed over: its name is not valid in the character set of Java's file"
                + " names (ANSI_X3.4-1968)").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
