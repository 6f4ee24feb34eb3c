package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.studio.assetregistry.RegistryIntegrationTest;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.test.context.TestPropertySource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A load whose registration committed, but whose job could not record it: the registry locked by another process past
 * the wait right after the commit, as Spring Batch writes the resolve step's end. The load says what it did, from the
 * store, rather than "failed" from the job's record; the same load again writes its report.
 */
@Import(UnrecordedRegistrationTests.FailingJobRepository.class)
class UnrecordedRegistrationTests extends RegistryIntegrationTest {

    private static final Path SAMPLE = Path.of("data/asset_data.json");

    /** Armed by the test: the job repository's next record of the resolve step's successful end fails. */
    private static final AtomicBoolean FAIL_RESOLVE_END = new AtomicBoolean();
    /** Armed by the test: the job repository's next record of a job's successful end fails. */
    private static final AtomicBoolean FAIL_JOB_END = new AtomicBoolean();
    /** Armed by the test: the job repository's next record of a job's end, however it ended, fails. */
    private static final AtomicBoolean FAIL_ANY_JOB_END = new AtomicBoolean();
    /** Armed by the test: the job repository's next record of a job's start fails. */
    private static final AtomicBoolean FAIL_JOB_START = new AtomicBoolean();

    @Autowired
    private AssetLoader loader;

    /** The application's job repository, behind a proxy that fails what {@link #FAIL_RESOLVE_END} arms. */
    @TestConfiguration
    static class FailingJobRepository {

        @Bean
        static BeanPostProcessor failOnceAtTheResolveStepsEnd() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof JobRepository repository)) {
                        return bean;
                    }
                    return Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                            new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                                if (method.getName().equals("update") && args[0] instanceof StepExecution step
                                        && LoadJobConfiguration.RESOLVE_STEP.equals(step.getStepName())
                                        && step.getStatus() == BatchStatus.COMPLETED
                                        && FAIL_RESOLVE_END.compareAndSet(true, false)) {
                                    throw locked();
                                }
                                if (method.getName().equals("createJobExecution")
                                        && FAIL_JOB_START.compareAndSet(true, false)) {
                                    throw locked();
                                }
                                if (method.getName().equals("update") && args[0] instanceof JobExecution job
                                        && job.getStatus() == BatchStatus.COMPLETED
                                        && FAIL_JOB_END.compareAndSet(true, false)) {
                                    throw locked();
                                }
                                if (method.getName().equals("update") && args[0] instanceof JobExecution job
                                        && job.getEndTime() != null && FAIL_ANY_JOB_END.compareAndSet(true, false)) {
                                    throw locked();
                                }
                                try {
                                    return method.invoke(repository, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                }
            };
        }

        private static RuntimeException locked() {
            return new CannotAcquireLockException("update", new SQLiteException(
                    "[SQLITE_BUSY] The database file is locked (database is locked)", SQLiteErrorCode.SQLITE_BUSY));
        }
    }

    @Test
    void aRegistrationCommittedButNotRecordedIsSaidRegisteredAndTheSameLoadWritesItsReport() throws IOException {
        // given: the first record of the resolve step's end fails, as the registry's lock would fail it
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("unrecorded.json"), StandardCopyOption.REPLACE_EXISTING);
        FAIL_RESOLVE_END.set(true);

        // when
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith("The load of " + file + " registered its records (registered 17, unchanged 0,"
                        + " rejected 3), but its report could not be written: ")
                .hasMessageContaining("is locked by another process")
                .hasMessageEndingWith("Load the same file again to write it");

        // then: registered, and the same load again only writes the report
        assertThat(FAIL_RESOLVE_END).as("the failure happened").isFalse();
        assertThat(count("SELECT COUNT(*) FROM asset_version")).isEqualTo(17);
        LoadSummary again = loader.load(file);
        assertThat(List.of(again.read(), again.registered(), again.unchanged(), again.rejected()))
                .containsExactly(20L, 17L, 0L, 3L);
        assertThat(Files.readAllLines(again.reportDir().resolve("rejects.jsonl"))).hasSize(3);
    }

    @Test
    void aLoadThatCompletedButWhoseJobsEndWasNotRecordedIsALoadThatCompleted() throws IOException {
        // given: the record of the job's successful end fails, as the registry's lock would fail it
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("unrecorded-end.json"), StandardCopyOption.REPLACE_EXISTING);
        FAIL_JOB_END.set(true);

        // when
        LoadSummary summary = loader.load(file);

        // then: what it did, from the store; loading it again is a no-op
        assertThat(FAIL_JOB_END).as("the failure happened").isFalse();
        assertThat(List.of(summary.read(), summary.registered(), summary.unchanged(), summary.rejected()))
                .containsExactly(20L, 17L, 0L, 3L);
        assertThat(Files.readAllLines(summary.reportDir().resolve("rejects.jsonl"))).hasSize(3);
        assertThat(loader.load(file).alreadyLoaded()).isTrue();
    }

    @Test
    void aLoadWhoseJobCouldNotStartFailsNamingWhyAndIsNotLeftRunning() throws IOException {
        // given: the record of the job's start fails, as the registry's lock would fail it
        Path file = Files.copy(SAMPLE, WORK_DIR.resolve("unstarted.json"), StandardCopyOption.REPLACE_EXISTING);
        FAIL_JOB_START.set(true);

        // when
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith("The load of " + file + " failed: ")
                .hasMessageContaining("is locked by another process");

        // then: its run is over, for every process to see, and the same load again does it all
        assertThat(FAIL_JOB_START).as("the failure happened").isFalse();
        assertThat(jdbc.queryForObject("SELECT status FROM load_run", String.class)).isEqualTo("FAILED");
        LoadSummary again = loader.load(file);
        assertThat(List.of(again.read(), again.registered(), again.rejected())).containsExactly(20L, 17L, 3L);
    }

    /** Under a rules file whose {@code max-reject-rate} is 0.25. */
    @Nested
    @TestPropertySource(properties = "registry.rules-file=src/test/resources/studio-rules.yml")
    class UnderARejectBudget {

        @Autowired
        private AssetLoader budgetedLoader;

        @Test
        void aLoadOverItsBudgetWhoseJobsEndWasNotRecordedIsOverItsBudgetNotFailed() {
            // given: 1 of 2 records rejected, over the budget, and the record of the job's end fails
            Path file = file("unrecorded-over-budget.jsonl", """
                    {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 1, \
                    "status": "active"}
                    {"asset": {"name": "lamp", "type": "prop"}, "department": "modeling", "version": 1, \
                    "status": "deprecated"}
                    """);
            FAIL_ANY_JOB_END.set(true);

            // when
            var thrown = catchThrowableOfType(RejectBudgetExceededException.class, () -> budgetedLoader.load(file));

            // then: the budget's failure, from the store's counts, and nothing registered
            assertThat(FAIL_ANY_JOB_END).as("the failure happened").isFalse();
            assertThat(thrown).hasMessage("The load of " + file + " rejected 1 of 2 records (50%), more than "
                    + "max-reject-rate 0.25 allows; nothing was registered");
            LoadSummary summary = thrown.summary().orElseThrow();
            assertThat(List.of(summary.read(), summary.registered(), summary.rejected())).containsExactly(2L, 0L, 1L);
            assertThat(count("SELECT COUNT(*) FROM asset_version")).isZero();
        }
    }
}
