package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two commands started together on a registry file that does not exist yet both migrate it: the second waits for
 * the first's migration, and finds nothing left to do, instead of failing on the schema the first changed under it.
 */
class NewRegistryRaceTests {

    @TempDir
    Path dir;

    @Test
    void aCommandStartedWhileAnotherMigratesTheNewRegistryWaitsForItAndRuns() throws Exception {
        // given: another process's migration of a new registry, paused inside its second migration's transaction (its
        // first and its schema history committed, as a command that starts now finds them)
        Path db = dir.resolve("registry.db");
        var inSecondMigration = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        Flyway other = Flyway.configure()
                // as this version's own migrations run, in transactions that take the write lock as they begin
                .dataSource("jdbc:sqlite:" + db + "?journal_mode=WAL&busy_timeout=30000&transaction_mode=IMMEDIATE",
                        null, null)
                .locations("classpath:db/migration/sqlite")
                .callbacks(new PauseInSecondMigration(inSecondMigration, goOn))
                .load();
        CompletableFuture<Integer> otherMigrated = CompletableFuture.supplyAsync(() -> other.migrate().migrationsExecuted);
        assertThat(inSecondMigration.await(1, TimeUnit.MINUTES)).as("the other migration started").isTrue();

        // when: a load starts on the same file, and the other migration goes on a moment later
        var out = new StringWriter();
        var err = new StringWriter();
        CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> {
            var commandLine = AssetRegistryCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return commandLine.execute("--db", db.toString(), "--reports", dir.resolve("reports").toString(), "load",
                    "--progress", "none", Path.of("data", "asset_data.json").toString());
        });
        awaitMigrationIn(load);
        Thread.sleep(1_000); // into its first statement that writes
        goOn.countDown();

        // then: the other migration applied every migration, and the load ran on the schema it made
        assertThat(otherMigrated.get(2, TimeUnit.MINUTES)).isGreaterThan(1);
        assertThat(load.get(2, TimeUnit.MINUTES)).as("exit code; standard error: %s", err).isZero();
        assertThat(out.toString()).startsWith("read 20, registered 17, unchanged 0, rejected 3");
        assertThat(err.toString()).isEmpty();
    }

    /** Waits until a thread other than the paused migration's runs Flyway's migrate: the command's, started. */
    private static void awaitMigrationIn(CompletableFuture<Integer> load) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> !thread.getKey().getName().equals(PauseInSecondMigration.THREAD))
                .noneMatch(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(Flyway.class.getName())
                                && frame.getMethodName().equals("migrate")))) {
            assertThat(load).as("the command ended before it migrated").isNotDone();
            assertThat(System.nanoTime()).as("the command migrating within two minutes").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Holds the migration that runs it inside its second migration's transaction, until told to go on. */
    private static final class PauseInSecondMigration implements Callback {

        static final String THREAD = "the other process's migration";

        private final CountDownLatch paused;
        private final CountDownLatch goOn;
        private int migrated;

        PauseInSecondMigration(CountDownLatch paused, CountDownLatch goOn) {
            this.paused = paused;
            this.goOn = goOn;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return true;
        }

        @Override
        public void handle(Event event, Context context) {
            if (++migrated == 2) {
                Thread.currentThread().setName(THREAD);
                paused.countDown();
                try {
                    goOn.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public String getCallbackName() {
            return "pause in the second migration";
        }
    }
}
