package com.studio.assetregistry.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.AssetRegistryApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The inbox on its schedule, as {@code serve} runs it: two instances of the application on one database and one
 * inbox, each looking at the inbox every second, load every file exactly once, one at a time; and a context without
 * a schedule has no inbox at all.
 */
class InboxSchedulingTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void twoInstancesOnOneDatabaseLoadEveryFileOnceAndOneAtATime() throws Exception {
        // given: two instances whose schedule comes every second
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try {
            instances.add(instance());
            instances.add(instance());

            // when: four files arrive, the last with the content of the first
            Instant now = Instant.now();
            drop(inbox, "1-hero.json", "[" + record("hero", 1) + "," + record("hero", 2) + "]", now.minusSeconds(40));
            drop(inbox, "2-prop.jsonl", record("prop", 1) + "\n" + record("prop", 7), now.minusSeconds(30));
            drop(inbox, "3-hero.json", "[" + record("hero", 3) + "]", now.minusSeconds(20));
            drop(inbox, "4-again.json", "[" + record("hero", 1) + "," + record("hero", 2) + "]", now.minusSeconds(10));
            awaitProcessed(inbox.resolve("processed"), 4);

            // then: three runs, one job execution each, one after the other, in the files' order
            JdbcTemplate jdbc = instances.get(0).getBean(JdbcTemplate.class);
            List<Map<String, Object>> runs = jdbc.queryForList(
                    "SELECT id, source, started_at, ended_at, status FROM load_run ORDER BY id");
            assertThat(runs).extracting(run -> Path.of((String) run.get("source")).getFileName().toString())
                    .containsExactly("1-hero.json", "2-prop.jsonl", "3-hero.json");
            assertThat(runs).extracting(run -> run.get("status")).containsOnly("COMPLETED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(3);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(Instant.parse((String) runs.get(i).get("started_at")))
                        .isAfterOrEqualTo(Instant.parse((String) runs.get(i - 1).get("ended_at")));
            }
            assertThat(Files.readString(inbox.resolve("processed/4-again.json.report")))
                    .startsWith("skipped: already loaded as run " + runs.get(0).get("id"));
            assertThat(names(inbox)).containsExactly("processed");
            assertThat(jdbc.queryForList("SELECT name FROM shedlock", String.class))
                    .containsExactly(InboxSchedule.LOCK);
            assertThat(awaitLockReleased(jdbc)).as("released").isBetween(now, Instant.now());

            // and: the meters of the two instances add up to what the loads did, and no file waits
            assertThat(sum(instances, "registry.load.records", "outcome", "registered")).isEqualTo(4);
            assertThat(sum(instances, "registry.load.records", "outcome", "rejected")).isEqualTo(1);
            assertThat(sum(instances, "registry.load.rejects", "rule", "version.sequence")).isEqualTo(1);
            for (var instance : instances) {
                assertThat(instance.getBean(MeterRegistry.class).get(InboxIngester.FILES).gauge().value()).isZero();
            }
        } finally {
            instances.forEach(ConfigurableApplicationContext::close);
        }
    }

    @Test
    void aContextWithoutAScheduleHasNoInbox() {
        new ApplicationContextRunner().withUserConfiguration(InboxIngestionConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InboxIngester.class));
        new ApplicationContextRunner().withUserConfiguration(InboxIngestionConfiguration.class)
                .withPropertyValues("registry.ingest.schedule=-")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InboxIngester.class));
    }

    @Test
    void refusesAScheduleThatIsNotACronExpression() {
        assertThatThrownBy(() -> new InboxProperties("every night", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("registry.ingest.schedule must be a cron expression of six fields, seconds first "
                        + "(0 30 2 * * * is 02:30 every night), not \"every night\"");
    }

    private ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(AssetRegistryApplication.class, InboxIngestionConfiguration.class)
                .run("--registry.db=" + dir.resolve("registry.db"),
                        "--registry.load.reports-dir=" + dir.resolve("reports"),
                        "--registry.ingest.inbox=" + dir.resolve("inbox"),
                        "--registry.ingest.schedule=* * * * * *",
                        "--registry.ingest.settle-time=0s");
    }

    /** Writes a file beside the inbox and moves it in, as a well-behaved producer does. */
    private void drop(Path inbox, String name, String content, Instant modified) throws IOException {
        Path staged = Files.writeString(dir.resolve(name), content);
        Files.setLastModifiedTime(staged, FileTime.from(modified));
        Files.move(staged, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitProcessed(Path processed, int files) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        // each file moved and its note written (just after its file is moved)
        while (!Files.isDirectory(processed) || names(processed).stream()
                .filter(name -> !name.endsWith(InboxFolder.NOTE_SUFFIX)).count() < files
                || names(processed).stream().filter(name -> name.endsWith(InboxFolder.NOTE_SUFFIX)).count() < files) {
            assertThat(Instant.now()).as("all files processed in time").isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    /**
     * When the inbox's lock was last released. A pass comes every second, and holds the lock (until ten minutes
     * ahead) while it looks at the inbox: one may be under way, for a moment, when the test looks.
     */
    private static Instant awaitLockReleased(JdbcTemplate jdbc) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            Instant until = jdbc.queryForObject("SELECT lock_until FROM shedlock", Timestamp.class).toInstant();
            if (!until.isAfter(Instant.now()) || Instant.now().isAfter(giveUp)) {
                return until;
            }
            Thread.sleep(20);
        }
    }

    private static double sum(List<ConfigurableApplicationContext> instances, String name, String tag, String value) {
        return instances.stream()
                .map(instance -> instance.getBean(MeterRegistry.class).find(name).tag(tag, value).counter())
                .mapToDouble(counter -> counter == null ? 0 : counter.count())
                .sum();
    }

    private static String record(String name, int version) {
        String type = name.equals("hero") ? "character" : "prop";
        return "{\"asset\": {\"name\": \"" + name + "\", \"type\": \"" + type + "\"}, \"department\": \"modeling\", "
                + "\"version\": " + version + ", \"status\": \"active\"}";
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
