package com.studio.assetregistry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.studio.assetregistry.RegistryIntegrationTest;
import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract of {@link LoadStore}, written once for every storage type: staging, the cross-record resolution,
 * rejects, warnings and runs. A storage type runs it by a subclass whose application context puts the registry on it
 * (see {@code storage.jdbc.SqliteStorageTests} and {@code PostgresStorageTests}). It uses the storage interfaces
 * only: what is registered is read back through {@link AssetStore}.
 */
public abstract class LoadStoreContract extends RegistryIntegrationTest {

    @Autowired
    private LoadStore store;

    @Autowired
    private AssetStore assets;

    private final List<StagedFinding> findings = new ArrayList<>();

    @Test
    void registersVersionsGivenOutOfOrder() {
        Resolution resolution = load(v(1, "hero", "modeling", 3), v(2, "hero", "modeling", 1),
                v(3, "hero", "modeling", 2));

        assertThat(resolution.registered()).isEqualTo(3);
        assertThat(registered()).containsExactly("hero/character/modeling v1 active",
                "hero/character/modeling v2 active", "hero/character/modeling v3 active");
    }

    @Test
    void holdsBackAVersionAboveAGapAndEveryVersionAboveIt() {
        Resolution resolution = load(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2),
                v(3, "hero", "modeling", 4), v(4, "hero", "modeling", 5));

        assertThat(resolution.registered()).isEqualTo(2);
        assertThat(findings).extracting(f -> f.position().recordNumber(), f -> f.finding().completeUpTo())
                .containsExactly(tuple(3L, 2L), tuple(4L, 2L));
        assertThat(registered()).hasSize(2);
    }

    @Test
    void holdsBackAVersionThatSkipsTheNextOneAfterTheRegisteredOnes() {
        load(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2));
        findings.clear();

        Resolution second = load(v(1, "hero", "modeling", 4));

        assertThat(second.registered()).isZero();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.finding().completeUpTo()).isEqualTo(2);
            assertThat(f.finding().registeredStatus()).isNull();
        });
    }

    @Test
    void aRepeatOfAVersionAboveAGapIsHeldBackWithItsFirstRecord() {
        Resolution resolution = load(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 3),
                new StagedVersion(new RecordPosition(3, 4, 1, 100, 60), version("hero", "modeling", 3, "active")));

        assertThat(resolution).isEqualTo(new Resolution(1, 0, 2));
        // the repeat was kept aside with its place in the file; the row above the gap is known by number only
        assertThat(findings).extracting(f -> f.position().recordNumber(), StagedFinding::isLocated,
                        f -> f.finding().firstRecordNumber(), f -> f.finding().completeUpTo())
                .containsExactlyInAnyOrder(tuple(3L, true, 2L, 1L), tuple(2L, false, 2L, 1L));
    }

    @Test
    void keepsAPendingLoadInvisibleUntilItIsResolved() {
        long run = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2));

        assertThat(registered()).isEmpty();
        assertThat(assets.listAssets()).isEmpty();
        assertThat(assets.countVersions()).isZero();

        store.resolve(run, findings::add);

        assertThat(registered()).hasSize(2);
        assertThat(assets.listAssets()).containsExactly(new AssetKey("hero", "character"));
    }

    @Test
    void anAssetAPendingLoadCreatedIsRegisteredByAnAddThatGivesItAVersion() {
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        long add = store.startRun("api", "add", 0, Instant.now());
        store.write(add, List.of(v(1, "hero", "rigging", 1)));

        store.resolve(add, findings::add);

        assertThat(assets.listAssets()).containsExactly(new AssetKey("hero", "character"));
        assertThat(registered()).containsExactly("hero/character/rigging v1 active");
        assertThat(store.abandonRun(store.findRun(load).orElseThrow())).isTrue();
        assertThat(assets.listAssets()).containsExactly(new AssetKey("hero", "character"));
        assertThat(registered()).containsExactly("hero/character/rigging v1 active");
    }

    @Test
    void recordsHowFarARunHasReadNeverLowerAndNotOnceAbandoned() {
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));

        store.recordRead(load, 10_000, Instant.now());
        store.recordRead(load, 20_000, Instant.now());
        // a chunk redone after a restart reads no further than the last commit
        store.recordRead(load, 15_000, Instant.now());
        assertThat(store.findRun(load).orElseThrow().counts().read()).isEqualTo(20_000);
        assertThat(store.abandonRun(store.findRun(load).orElseThrow())).isTrue();
        store.recordRead(load, 30_000, Instant.now());
        assertThat(store.findRun(load).orElseThrow().counts().read()).isEqualTo(20_000);
    }

    @Test
    void anAbandonedRunEndedWhenItsProcessWasLastHeardOf() {
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        LoadRun claimed = store.findRun(load).orElseThrow();
        Instant lastBeat = Instant.parse("2026-11-29T03:00:00Z");
        store.beat(List.of(load), claimed.owner(), lastBeat);

        assertThat(store.abandonRun(store.findRun(load).orElseThrow())).isTrue();

        assertThat(store.findRun(load).orElseThrow().endedAt()).isEqualTo(lastBeat);
    }

    @Test
    void anAbandonedRunEndedAtItsLastCommitIfThatCameAfterItsLastBeat() {
        // given: a run that beat as it claimed the registry, committed a chunk, and was killed before its next beat
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        LoadRun claimed = store.findRun(load).orElseThrow();
        store.beat(List.of(load), claimed.owner(), Instant.parse("2026-11-29T03:00:00Z"));
        Instant lastCommit = Instant.parse("2026-11-29T03:00:07Z");
        store.recordRead(load, 10_000, lastCommit);

        // when
        assertThat(store.abandonRun(store.findRun(load).orElseThrow())).isTrue();

        // then
        assertThat(store.findRun(load).orElseThrow().endedAt()).isEqualTo(lastCommit);
    }

    @Test
    void recordsWhereARunsReportGoesAndThenWhereItWent() {
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        store.recordReportDir(load, "/srv/reports/" + load);
        assertThat(store.findRun(load).orElseThrow().reportDir()).isEqualTo("/srv/reports/" + load);

        assertThat(store.abandonRun(store.findRun(load).orElseThrow())).isTrue();
        store.recordReportDir(load, "/elsewhere/" + load);

        assertThat(store.findRun(load).orElseThrow().reportDir()).isEqualTo("/elsewhere/" + load);
    }

    @Test
    void anAddOfAVersionAPendingLoadWroteIsRefusedNamingTheLoadAndLeavesItsRowToIt() {
        long load = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        long add = store.startRun("api", "add", 0, Instant.now());

        assertThatThrownBy(() -> {
            store.write(add, List.of(v(1, "hero", "modeling", 1)));
            store.resolve(add, findings::add);
        }).isInstanceOfSatisfying(LoadInProgressException.class, e -> assertThat(e.pendingRunId()).isEqualTo(load));

        assertThat(findings).isEmpty();
        assertThat(registered()).isEmpty();
        assertThat(store.resolve(load, findings::add)).isEqualTo(new Resolution(1, 0, 0));
        assertThat(registered()).containsExactly("hero/character/modeling v1 active");
    }

    @Test
    void allowsOneLoadAtATimeAndAbandoningOneRemovesWhatItWrote() {
        long first = pendingLoad("first.json", "c0ffee", v(1, "hero", "modeling", 1));
        long second = store.startRun("load", "second.json", 10, Instant.now());

        assertThatThrownBy(() -> store.claimRun(second, "decaf", "2@test"))
                .isInstanceOfSatisfying(LoadInProgressException.class,
                        e -> assertThat(e.pendingRunId()).isEqualTo(first));
        assertThat(store.findPendingLoad(second)).map(LoadRun::id).hasValue(first);

        assertThat(store.abandonRun(store.findRun(first).orElseThrow())).isTrue();
        store.claimRun(second, "decaf", "2@test");

        assertThat(store.findRun(first).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(store.findUnfinishedRun(LoadRun.LOAD, "c0ffee")).isEmpty();
        assertThat(store.findPendingLoad(0)).map(LoadRun::id).hasValue(second);
        // what the abandoned run wrote is gone: the same version is the second run's to register
        store.write(second, List.of(v(1, "hero", "modeling", 1)));
        assertThat(store.resolve(second, findings::add)).isEqualTo(new Resolution(1, 0, 0));
    }

    @Test
    void aResumedRunsTimeStoppedBetweenAttemptsIsNotWorkingTime() {
        // given: a load started two hours ago, whose process last said it ran it an hour ago, then died
        long killed = store.startRun("load", "night.json", 10, Instant.now().minus(Duration.ofHours(2)));
        assertThat(store.claimRun(killed, "c0ffee", "1@test")).isTrue();
        store.beat(List.of(killed), "1@test", Instant.now().minus(Duration.ofHours(1)));

        // when: resumed, then completed
        assertThat(store.claimRun(killed, "c0ffee", "2@test")).isTrue();
        store.resolve(killed, findings::add);
        store.finishRun(killed, RunStatus.COMPLETED, Instant.now(), 1, null, null);

        // then: the hour stopped is not counted in its duration, the hour it worked is
        LoadRun run = store.findRun(killed).orElseThrow();
        assertThat(run.paused()).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMinutes(1));
        assertThat(run.worked(run.endedAt())).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
        assertThat(store.recentRuns(1).get(0).paused()).isEqualTo(run.paused());

        // and: a first attempt was never stopped, and a failed one is stopped from its end
        long failed = store.startRun("load", "day.json", 10, Instant.now());
        assertThat(store.claimRun(failed, "decaf", "1@test")).isTrue();
        assertThat(store.findRun(failed).orElseThrow().paused()).as("a first attempt").isZero();
        store.finishRun(failed, RunStatus.FAILED, Instant.now().minus(Duration.ofMinutes(10)), 0, null, null);
        assertThat(store.claimRun(failed, "decaf", "1@test")).isTrue();
        assertThat(store.findRun(failed).orElseThrow().paused())
                .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
    }

    @Test
    void findsTheLoadsThatRegisteredTheirVersionsAndDidNotComplete() {
        // given: loads killed or failed after their registration committed, and others that owe no report
        long reportFailed = pendingLoad("a.json", "aa", v(1, "hero", "modeling", 1));
        store.resolve(reportFailed, findings::add);
        store.finishRun(reportFailed, RunStatus.FAILED, Instant.now(), 1, null, null);
        long killedWhileReporting = pendingLoad("b.json", "bb", v(1, "villain", "modeling", 1));
        store.resolve(killedWhileReporting, findings::add);
        long completed = pendingLoad("c.json", "cc", v(1, "sidekick", "modeling", 1));
        store.resolve(completed, findings::add);
        store.finishRun(completed, RunStatus.COMPLETED, Instant.now(), 1, null, null);
        long overBudget = pendingLoad("d.json", "dd", v(1, "extra", "modeling", 1));
        store.resolve(overBudget, findings::add, resolution -> false);
        store.finishRun(overBudget, RunStatus.FAILED, Instant.now(), 1, null, null);
        long staging = pendingLoad("e.json", "ee", v(1, "crowd", "modeling", 1));
        store.finishRun(staging, RunStatus.FAILED, Instant.now(), 1, null, null);

        // then: the first two, whose reports are owed
        assertThat(store.findRegisteredUnfinished()).extracting(LoadRun::id)
                .containsExactly(reportFailed, killedWhileReporting);
    }

    @Test
    void aRunResumedSinceItWasSeenIsNotAbandonedAndAnAbandonedRunIsNotResumed() {
        // given: a load that died, seen unfinished by one process, then resumed by another
        long run = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        store.finishRun(run, RunStatus.FAILED, Instant.now(), 1, null, null);
        LoadRun seen = store.findRun(run).orElseThrow();
        assertThat(store.claimRun(run, "c0ffee", "2@test")).isTrue();

        // then: the first process's abandon does nothing: the run's rows are the resuming process's
        assertThat(store.abandonRun(seen)).isFalse();
        assertThat(store.findRun(run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store.resolve(run, findings::add)).isEqualTo(new Resolution(1, 0, 0));

        // and: a run abandoned as seen cannot be claimed again, to be resumed
        long other = pendingLoad("other.json", "decaf", v(1, "villain", "modeling", 1));
        assertThat(store.abandonRun(store.findRun(other).orElseThrow())).isTrue();
        assertThat(store.claimRun(other, "decaf", "3@test")).isFalse();
        assertThat(store.findRun(other).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(store.findPendingLoad(0)).isEmpty();
    }

    @Test
    void aRunThatRanOnSinceItWasSeenIsNotAbandoned() {
        // given: a load left RUNNING by its process (its database went away), seen by a process about to abandon it
        long resumedBySameOwner = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        LoadRun seenLeft = store.findRun(resumedBySameOwner).orElseThrow();

        // when: its own process resumes it, its status and owner as they were (a claim writes the heartbeat)
        assertThat(store.claimRun(resumedBySameOwner, "c0ffee", "1@test")).isTrue();

        // then
        assertThat(store.abandonRun(seenLeft)).isFalse();

        // when: the owner of a running one says it still runs it
        LoadRun seenRunning = store.findRun(resumedBySameOwner).orElseThrow();
        store.beat(List.of(resumedBySameOwner), "1@test", seenRunning.heartbeat().plusSeconds(20));

        // then
        assertThat(store.abandonRun(seenRunning)).isFalse();

        // when: its registration commits before the abandon takes the registration lock
        LoadRun seenPending = store.findRun(resumedBySameOwner).orElseThrow();
        assertThat(store.resolve(resumedBySameOwner, findings::add)).isEqualTo(new Resolution(1, 0, 0));

        // then: what it registered stays
        assertThat(store.abandonRun(seenPending)).isFalse();
        assertThat(assets.findVersion(new AssetKey("hero", "character"), "modeling", 1)).isPresent();
    }

    @Test
    void aRunAbandonedUnderItsLiveProcessWritesRegistersAndEndsNothingMore() {
        // given: a load whose process another took for gone (silent too long), and abandoned
        long run = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        assertThat(store.abandonRun(store.findRun(run).orElseThrow())).isTrue();

        // then: its process, still running, can neither write its next chunk, nor register, nor say it completed
        assertThatThrownBy(() -> store.write(run, List.of(v(2, "hero", "modeling", 2))))
                .isInstanceOf(RunAbandonedException.class).hasMessageStartingWith("Run " + run + " was given up");
        assertThatThrownBy(() -> store.resolve(run, findings::add)).isInstanceOf(RunAbandonedException.class);
        store.finishRun(run, RunStatus.COMPLETED, Instant.now(), 2, null, null);
        assertThat(store.findRun(run).orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(store.findPendingLoad(0)).isEmpty();
        assertThat(assets.findVersion(new AssetKey("hero", "character"), "modeling", 1)).isEmpty();
    }

    @Test
    void aClaimAndEachHeartbeatOfItsOwnerSayWhenTheRunLastRan() {
        Instant before = Instant.now();
        long run = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        Instant claimed = store.findRun(run).orElseThrow().heartbeat();
        assertThat(claimed).isBetween(before, Instant.now());

        Instant later = claimed.plusSeconds(20);
        store.beat(List.of(run), "1@test", later);
        assertThat(store.findRun(run).orElseThrow().heartbeat()).isEqualTo(later);

        // another process's beat, or one for a run that ended, changes nothing
        store.beat(List.of(run), "2@elsewhere", later.plusSeconds(20));
        store.finishRun(run, RunStatus.FAILED, later, 1, null, null);
        store.beat(List.of(run), "1@test", later.plusSeconds(40));
        assertThat(store.findRun(run).orElseThrow().heartbeat()).isEqualTo(later);
    }

    @Test
    void anAbandonedLoadsAssetsLeaveHolesThatTheNextLoadsNewAssetsDoNotCollideWith() {
        // given: two registered assets; a load that created one more, then an add that registered a fourth while the
        // load was pending; the load abandoned, which removes its asset from among the others
        load(v(1, "hero", "modeling", 1), v(2, "villain", "modeling", 1));
        long abandoned = pendingLoad("first.json", "c0ffee", v(1, "prop", "modeling", 1));
        long add = store.startRun("api", "add", 0, Instant.now());
        store.write(add, List.of(v(1, "zed", "modeling", 1)));
        store.resolve(add, findings::add);
        assertThat(store.abandonRun(store.findRun(abandoned).orElseThrow())).isTrue();

        // when: the next load writes to two new assets, to the removed one and to a registered one
        Resolution next = load(v(1, "new1", "fx", 1), v(2, "new2", "fx", 1), v(3, "prop", "rigging", 1),
                v(4, "hero", "modeling", 2));

        // then: each version is its asset's, and no asset took another's place
        assertThat(next).isEqualTo(new Resolution(4, 0, 0));
        assertThat(registered()).containsExactlyInAnyOrder("hero/character/modeling v1 active",
                "hero/character/modeling v2 active", "villain/character/modeling v1 active",
                "zed/character/modeling v1 active", "prop/character/rigging v1 active", "new1/character/fx v1 active",
                "new2/character/fx v1 active");
        assertThat(assets.listAssets()).hasSize(6);
    }

    @Test
    void createsNoAssetWhoseVersionsAreAllHeldBack() {
        load(v(1, "villain", "animation", 2));

        assertThat(assets.listAssets()).isEmpty();
        assertThat(findings).hasSize(1);
    }

    @Test
    void extendsWhatAnEarlierLoadRegistered() {
        load(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2));
        findings.clear();

        Resolution second = load(v(1, "hero", "modeling", 4), v(2, "hero", "modeling", 3));

        assertThat(second.registered()).isEqualTo(2);
        assertThat(registered()).hasSize(4);
        assertThat(assets.listAssets()).hasSize(1);
    }

    @Test
    void tellsTheRepeatsOfAWriteOfMoreThanOneBatchFromItsNewVersions() {
        // given: 300 versions registered by an earlier load
        registerModelingV1OfAssets(300);

        // when: one write of 1,500 records, every fifth a repeat of a registered version, the others new, so that
        // repeats fall in the first batch of 1,000 rows and in the last
        List<StagedVersion> second = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            second.add(i % 5 == 0 ? v(i + 1, "a" + i / 5, "modeling", 1) : v(i + 1, "a" + i, "rigging", 1));
        }
        Resolution resolution = load(second.toArray(StagedVersion[]::new));

        // then
        assertThat(resolution).isEqualTo(new Resolution(1_200, 300, 0));
        assertThat(assets.countVersions()).isEqualTo(1_500);
        assertThat(findings).isEmpty();
    }

    @Test
    void writesAChunkOverHundredsOfAssetsNewAndKnownEachToItsOwnAsset() {
        // given: 300 assets registered by an earlier load
        registerModelingV1OfAssets(300);

        // when: one write of 1,400 records over 700 assets, the 300 known and 400 new
        List<StagedVersion> second = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            second.add(v(2 * i + 1, "a" + i, "modeling", i < 300 ? 2 : 1));
            second.add(v(2 * i + 2, "a" + i, "rigging", 1));
        }
        Resolution resolution = load(second.toArray(StagedVersion[]::new));

        // then
        assertThat(resolution).isEqualTo(new Resolution(1_400, 0, 0));
        assertThat(assets.listAssets()).hasSize(700);
        assertThat(assets.countVersions()).isEqualTo(1_700);
        assertThat(assets.listVersions(new AssetKey("a10", "character"))).extracting(v -> v.department() + " v" + v.version())
                .containsExactlyInAnyOrder("modeling v1", "modeling v2", "rigging v1");
        assertThat(assets.listVersions(new AssetKey("a650", "character"))).extracting(v -> v.department() + " v" + v.version())
                .containsExactlyInAnyOrder("modeling v1", "rigging v1");
    }

    @Test
    void countsARecordIdenticalToARegisteredVersionAsUnchanged() {
        load(v(1, "hero", "modeling", 1));

        Resolution second = load(v(1, "hero", "modeling", 1));

        assertThat(second.registered()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);
        assertThat(findings).isEmpty();
    }

    @Test
    void holdsBackARecordThatGivesARegisteredVersionAnotherStatus() {
        load(v(1, "hero", "modeling", 1));

        load(new StagedVersion(RecordPosition.ofNumber(1), version("hero", "modeling", 1, "inactive")));

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.finding().registeredStatus())
                .isEqualTo("active"));
        assertThat(registered()).containsExactly("hero/character/modeling v1 active");
    }

    @Test
    void registersTheFirstOfRepeatedVersionsAndHoldsBackTheRest() {
        Resolution resolution = load(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 1),
                v(3, "hero", "modeling", 1));

        assertThat(resolution.registered()).isEqualTo(1);
        assertThat(findings).extracting(f -> f.position().recordNumber()).containsExactly(2L, 3L);
        assertThat(findings).allSatisfy(f -> assertThat(f.finding().firstRecordNumber()).isEqualTo(1));
        // the walk judges against the registry as it was before the load, not as the walk itself changes it
        assertThat(findings).allSatisfy(f -> assertThat(f.finding().registeredStatus()).isNull());
    }

    @Test
    void keepsDepartmentsAndTypesApart() {
        Resolution resolution = load(v(1, "hero", "modeling", 1), v(2, "hero", "rigging", 1),
                new StagedVersion(RecordPosition.ofNumber(3), new VersionedAsset(new AssetKey("hero", "prop"),
                        new AssetVersion("modeling", 1, "active"))));

        assertThat(resolution.registered()).isEqualTo(3);
        assertThat(assets.listAssets()).hasSize(2);
    }

    @Test
    void aRunResumedAfterItsResolutionCommittedIsNotPendingAgainAndIsNeverAbandoned() {
        // given: a load killed once its resolution had committed, before its report was written
        long run = pendingLoad("night.json", "c0ffee", v(1, "hero", "modeling", 1));
        store.resolve(run, findings::add);

        // when: the same content is loaded again, which resumes the run to write its report
        store.claimRun(run, "c0ffee", "2@test");

        // then
        assertThat(store.findPendingLoad(0)).as("not pending").isEmpty();
        assertThat(assets.countVersions()).as("its versions stay visible").isEqualTo(1);
        long other = store.startRun("load", "other.json", 10, Instant.now());
        store.claimRun(other, "decaf", "3@test");
        assertThat(store.findPendingLoad(0)).map(LoadRun::id).hasValue(other);
        store.write(other, List.of(v(1, "hero", "modeling", 1)));
        assertThat(store.resolve(other, findings::add)).as("the version is registered already")
                .isEqualTo(new Resolution(0, 1, 0));
    }

    @Test
    void resolvingTwiceDoesNothingTheSecondTime() {
        long run = store.startRun("load", "test", 0, Instant.now());
        store.write(run, List.of(v(1, "hero", "modeling", 1)));
        store.resolve(run, findings::add);

        Resolution again = store.resolve(run, findings::add);

        assertThat(again).isEqualTo(new Resolution(0, 0, 0));
        assertThat(store.findRun(run).orElseThrow().counts().registered()).isEqualTo(1);
    }

    @Test
    void undoesEveryRegistrationOfTheRunWhenTheResolutionIsNotKept() {
        load(v(1, "hero", "modeling", 1));
        long run = store.startRun("load", "test", 0, Instant.now());
        store.write(run, List.of(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2),
                v(3, "villain", "modeling", 1), v(4, "villain", "modeling", 3)));
        List<Resolution> judged = new ArrayList<>();

        Resolution resolution = store.resolve(run, findings::add, walked -> {
            judged.add(walked);
            return false;
        });

        assertThat(judged).containsExactly(new Resolution(2, 1, 1));
        assertThat(resolution).isEqualTo(new Resolution(0, 1, 1));
        assertThat(findings).extracting(f -> f.position().recordNumber()).containsExactly(4L);
        assertThat(registered()).containsExactly("hero/character/modeling v1 active");
        assertThat(assets.listAssets()).extracting(AssetKey::name).containsExactly("hero");
        assertThat(store.findRun(run).orElseThrow().counts().registered()).isZero();
        assertThat(store.resolve(run, findings::add)).as("nothing left staged").isEqualTo(new Resolution(0, 0, 0));
    }

    @Test
    void neverOffersToResumeARunWhoseResolutionWasNotKept() {
        long refused = pendingLoad("over.json", "c0ffee", v(1, "hero", "modeling", 1));
        store.resolve(refused, findings::add, walked -> false);
        store.finishRun(refused, RunStatus.FAILED, Instant.now(), 1, null, null);
        long crashed = store.startRun("load", "crashed.json", 10, Instant.now());
        store.claimRun(crashed, "decaf", "1@test");
        store.finishRun(crashed, RunStatus.FAILED, Instant.now(), 1, null, null);

        assertThat(store.findUnfinishedRun(LoadRun.LOAD, "c0ffee")).isEmpty();
        assertThat(store.findUnfinishedRun(LoadRun.LOAD, "decaf")).map(LoadRun::id).hasValue(crashed);
        assertThat(store.findUnfinishedRun(LoadRun.DRY_RUN, "decaf")).isEmpty();
    }

    @Test
    void findsTheLatestCompletedRunOfAKindForAContent() {
        long first = store.startRun(LoadRun.LOAD, "a.json", 10, Instant.now());
        store.finishRun(first, RunStatus.COMPLETED, Instant.now(), 1, "beef", null);
        long forced = store.startRun(LoadRun.LOAD, "b.json", 10, Instant.now());
        store.finishRun(forced, RunStatus.COMPLETED, Instant.now(), 1, "beef", null);
        long failed = store.startRun(LoadRun.LOAD, "b.json", 10, Instant.now());
        store.finishRun(failed, RunStatus.FAILED, Instant.now(), 1, "beef", null);
        long dryRun = store.startRun(LoadRun.DRY_RUN, "c.json", 10, Instant.now());
        store.finishRun(dryRun, RunStatus.COMPLETED, Instant.now(), 1, "cafe", null);

        assertThat(store.findCompletedRun(LoadRun.LOAD, "beef")).map(LoadRun::id).hasValue(forced);
        assertThat(store.findCompletedRun(LoadRun.LOAD, "cafe")).isEmpty();
        assertThat(store.findCompletedRun(LoadRun.DRY_RUN, "cafe")).map(LoadRun::source).hasValue("c.json");
    }

    @Test
    void aDryRunTakesTheRegistrysOnePendingLoadPlace() {
        long dryRun = store.startRun(LoadRun.DRY_RUN, "dry.json", 10, Instant.now());
        store.claimRun(dryRun, "cafe", "1@test");
        long load = store.startRun(LoadRun.LOAD, "load.json", 10, Instant.now());

        assertThatThrownBy(() -> store.claimRun(load, "beef", "2@test"))
                .isInstanceOfSatisfying(LoadInProgressException.class,
                        e -> assertThat(e.pendingRunId()).isEqualTo(dryRun));
        assertThat(store.findPendingLoad(load)).map(LoadRun::id).hasValue(dryRun);
    }

    @Test
    void aRunsRegistrationIsCommittedOnceResolvedWithinItsBudgetAndDiscardedOverItOrForADryRun() {
        long kept = store.startRun(LoadRun.LOAD, "kept.json", 10, Instant.now());
        store.write(kept, List.of(v(1, "hero", "modeling", 1)));
        long refused = store.startRun(LoadRun.LOAD, "refused.json", 10, Instant.now());
        long dryRun = store.startRun(LoadRun.DRY_RUN, "dry.json", 10, Instant.now());

        assertThat(store.registration(kept)).as("written, not resolved").isEqualTo(Registration.PENDING);
        store.resolve(kept, findings::add);
        store.write(refused, List.of(v(1, "lamp", "modeling", 1)));
        store.resolve(refused, findings::add, walked -> false);
        store.write(dryRun, List.of(v(1, "tree", "modeling", 1)));
        store.resolve(dryRun, findings::add, walked -> false);

        assertThat(store.registration(kept)).as("resolved").isEqualTo(Registration.COMMITTED);
        assertThat(store.registration(refused)).as("over its budget").isEqualTo(Registration.DISCARDED);
        assertThat(store.registration(dryRun)).as("a dry run").isEqualTo(Registration.DISCARDED);
        assertThat(store.registration(kept + 1_000)).as("no such run").isEqualTo(Registration.PENDING);
    }

    @Test
    void aDryRunCountsWhatItWouldRegisterAndRegistersNothing() {
        long run = store.startRun(LoadRun.DRY_RUN, "dry.json", 10, Instant.now());
        store.write(run, List.of(v(1, "hero", "modeling", 1), v(2, "hero", "modeling", 2),
                v(3, "hero", "modeling", 4)));
        List<Resolution> walked = new ArrayList<>();

        Resolution resolution = store.resolve(run, findings::add, judged -> {
            walked.add(judged);
            return false; // a dry run keeps none of its registrations
        });
        store.countDryRunRegistrations(run, walked.get(0).registered());

        assertThat(resolution.registered()).isZero();
        assertThat(findings).hasSize(1);
        assertThat(registered()).isEmpty();
        assertThat(assets.listAssets()).isEmpty();
        LoadRun recorded = store.findRun(run).orElseThrow();
        assertThat(recorded.dryRun()).isTrue();
        assertThat(recorded.counts().registered()).isEqualTo(2);
    }

    @Test
    void keepsRejectsWithEveryViolationInRecordOrder() {
        long run = store.startRun("load", "test", 0, Instant.now());
        var second = new Reject(new RecordPosition(7, 40, 3, 900, 80),
                List.of(new Violation("status.unknown", "status", "status \"x\" is not one of active, inactive"),
                        new Violation("version.invalid", "version", "version 0 is not an integer")),
                "{\"status\":\"x\",\"version\":0}");
        var first = new Reject(new RecordPosition(2, 9, 3, 100, 80),
                List.of(new Violation("json.syntax", "record", "line 9, column 20: unexpected end")), "\"{\\\"a\"");

        store.reject(run, List.of(second, first));

        List<Reject> read = new ArrayList<>();
        store.forEachReject(run, read::add);
        assertThat(read).extracting(r -> r.position().recordNumber()).containsExactly(2L, 7L);
        assertThat(read.get(1).violations()).isEqualTo(second.violations());
        assertThat(read.get(1).recordJson()).isEqualTo(second.recordJson());
        assertThat(read.get(1).position().line()).isEqualTo(40);
        LoadStore.RuleTally tally = store.rejectTally(run);
        assertThat(tally.records()).isEqualTo(2);
        assertThat(tally.byRule()).containsExactly(
                Map.entry("json.syntax", 1L), Map.entry("status.unknown", 1L),
                Map.entry("version.invalid", 1L));
    }

    @Test
    void pagesRejectsInRecordOrderAndByRule() {
        long run = store.startRun("load", "test", 0, Instant.now());
        store.reject(run, List.of(
                new Reject(RecordPosition.ofNumber(3), List.of(new Violation("status.unknown", "status", "a")), "{}"),
                new Reject(RecordPosition.ofNumber(5), List.of(new Violation("json.syntax", "record", "b")), "\"x\""),
                new Reject(RecordPosition.ofNumber(8), List.of(new Violation("status.unknown", "status", "c"),
                        new Violation("version.invalid", "version", "d")), "{}")));

        assertThat(store.rejects(run, null, 0, 2)).extracting(r -> r.position().recordNumber()).containsExactly(3L, 5L);
        assertThat(store.rejects(run, null, 5, 2)).singleElement().satisfies(reject ->
                assertThat(reject.violations()).extracting(Violation::rule)
                        .containsExactly("status.unknown", "version.invalid"));
        assertThat(store.rejects(run, "status.unknown", 0, 10)).extracting(r -> r.position().recordNumber())
                .containsExactly(3L, 8L);
        assertThat(store.rejects(run, "status.unknown\u0000", 0, 10)).as("a NUL, which no rule id holds").isEmpty();
    }

    @Test
    void keepsWarningsApartFromRejectsAndCountsThemOnTheRun() {
        long run = store.startRun("load", "test", 0, Instant.now());
        var pattern = new Violation("name.pattern", "asset.name", "asset.name \"Hero\" does not match ^[a-z]+$");
        var reserved = new Violation("name.reserved", "asset.name", "asset.name \"Hero\" is reserved");
        var warned = new Warning(new RecordPosition(3, 4, 1, 50, 60), List.of(pattern, reserved), "{\"n\":\"Hero\"}");
        var alsoRejected = new Warning(new RecordPosition(5, 6, 1, 90, 60), List.of(pattern), "{\"n\":\"X\"}");
        store.reject(run, List.of(new Reject(new RecordPosition(5, 6, 1, 90, 60),
                List.of(new Violation("status.unknown", "status", "status \"x\" is not one of active")),
                "{\"n\":\"X\"}")));

        store.warn(run, List.of(alsoRejected, warned));
        store.finishRun(run, RunStatus.COMPLETED, Instant.now(), 6, null, null);

        List<Warning> read = new ArrayList<>();
        store.forEachWarning(run, read::add);
        assertThat(read).extracting(w -> w.position().recordNumber()).containsExactly(3L, 5L);
        assertThat(read.get(0).violations()).containsExactly(pattern, reserved);
        assertThat(read.get(0).recordJson()).isEqualTo(warned.recordJson());
        assertThat(store.warningTally(run)).isEqualTo(new LoadStore.RuleTally(2,
                Map.of("name.pattern", 2L, "name.reserved", 1L)));
        LoadRun.RunCounts counts = store.findRun(run).orElseThrow().counts();
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(counts.rejectsByRule()).containsOnlyKeys("status.unknown");
        assertThat(counts.warned()).isEqualTo(2);
        assertThat(counts.warningsByRule()).containsExactly(Map.entry("name.pattern", 2L),
                Map.entry("name.reserved", 1L));
        // and as the listing of runs (runs, GET /runs) counts them
        assertThat(store.recentRuns(1)).singleElement().satisfies(listed -> {
            assertThat(listed.counts().warned()).isEqualTo(2);
            assertThat(listed.counts().warningsByRule()).containsExactly(Map.entry("name.pattern", 2L),
                    Map.entry("name.reserved", 1L));
        });
    }

    @Test
    void recordsARunFromStartToFinish() {
        Instant started = Instant.parse("2026-11-26T01:00:00Z");
        long run = store.startRun("load", "data/night.json", 1234, started);
        store.write(run, List.of(v(1, "hero", "modeling", 1)));
        store.resolve(run, findings::add);

        store.finishRun(run, RunStatus.COMPLETED, started.plusSeconds(5), 1, "abc123", "reports/" + run);

        LoadRun recorded = store.findRun(run).orElseThrow();
        assertThat(recorded.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(recorded.source()).isEqualTo("data/night.json");
        assertThat(recorded.fileSize()).isEqualTo(1234);
        assertThat(recorded.sha256()).isEqualTo("abc123");
        assertThat(recorded.startedAt()).isEqualTo(started);
        assertThat(recorded.endedAt()).isEqualTo(started.plusSeconds(5));
        assertThat(recorded.counts().read()).isEqualTo(1);
        assertThat(recorded.counts().registered()).isEqualTo(1);
        assertThat(recorded.reportDir()).isEqualTo("reports/" + run);
        assertThat(store.findRun(run + 1000)).isEmpty();
    }

    @Test
    void listsTheMostRecentRunsLatestFirstWithTheirRejectsPerRule() {
        long first = store.startRun("load", "first.json", 10, Instant.parse("2026-11-26T01:00:00Z"));
        store.reject(first, List.of(new Reject(RecordPosition.ofNumber(1),
                List.of(new Violation("status.unknown", "status", "status \"x\" is unknown")), "{}")));
        store.finishRun(first, RunStatus.COMPLETED, Instant.parse("2026-11-26T01:00:01Z"), 1, null, null);
        long second = store.startRun("api", "addAsset hero/character", 0, Instant.parse("2026-11-26T02:00:00Z"));
        long third = store.startRun("load", "third.json", 10, Instant.parse("2026-11-26T03:00:00Z"));

        List<LoadRun> runs = store.recentRuns(2);

        assertThat(runs).extracting(LoadRun::id, LoadRun::status).containsExactly(tuple(third, RunStatus.RUNNING),
                tuple(second, RunStatus.RUNNING));
        assertThat(store.recentRuns(10)).last().satisfies(run -> {
            assertThat(run.id()).isEqualTo(first);
            assertThat(run.counts().rejected()).isEqualTo(1);
            assertThat(run.counts().rejectsByRule()).containsExactly(Map.entry("status.unknown", 1L));
        });
    }

    @Test
    void aRunningRunCountsTheRejectsCommittedSoFarAndAnAbandonedOneKeepsTheCountOfThoseItKeeps() {
        long run = pendingLoad("night.json", "feed", v(1, "hero", "modeling", 1));
        store.reject(run, List.of(new Reject(RecordPosition.ofNumber(2),
                List.of(new Violation("status.unknown", "status", "status \"x\" is unknown")), "{}"),
                new Reject(RecordPosition.ofNumber(3),
                        List.of(new Violation("version.invalid", "version", "version 0 is not an integer")), "{}")));

        assertThat(store.findRun(run).orElseThrow().counts().rejected()).as("running").isEqualTo(2);
        assertThat(store.recentRuns(1)).singleElement().satisfies(
                listed -> assertThat(listed.counts().rejected()).as("running, listed").isEqualTo(2));

        assertThat(store.abandonRun(store.findRun(run).orElseThrow())).isTrue();

        LoadRun abandoned = store.findRun(run).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(abandoned.counts().rejected()).isEqualTo(2);
        assertThat(store.recentRuns(1)).singleElement().satisfies(
                listed -> assertThat(listed.counts().rejected()).as("abandoned, listed").isEqualTo(2));
    }

    private Resolution load(StagedVersion... versions) {
        long run = store.startRun("load", "test", 0, Instant.now());
        store.write(run, List.of(versions));
        return store.resolve(run, findings::add);
    }

    /** A load of this content claimed by a process and written, pending until it is resolved. */
    private long pendingLoad(String source, String sha256, StagedVersion... versions) {
        long run = store.startRun("load", source, 10, Instant.now());
        store.claimRun(run, sha256, "1@test");
        store.write(run, List.of(versions));
        return run;
    }

    /** Loads modeling v1 of the assets a0 to a{count - 1}. */
    private void registerModelingV1OfAssets(int count) {
        List<StagedVersion> versions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            versions.add(v(i + 1, "a" + i, "modeling", 1));
        }
        load(versions.toArray(StagedVersion[]::new));
    }

    private List<String> registered() {
        List<String> registered = new ArrayList<>();
        assets.forEachVersion(version -> registered.add(version.label() + " " + version.version().status()));
        return registered;
    }

    private static StagedVersion v(long recordNumber, String name, String department, int version) {
        return new StagedVersion(RecordPosition.ofNumber(recordNumber), version(name, department, version, "active"));
    }

    private static VersionedAsset version(String name, String department, int version, String status) {
        return new VersionedAsset(new AssetKey(name, "character"), new AssetVersion(department, version, status));
    }
}
