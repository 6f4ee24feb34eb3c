package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.storage.LoadRun;
import com.studio.assetregistry.storage.LoadRun.RunCounts;
import com.studio.assetregistry.storage.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether a run's process may still run it: asked of this host's processes, told by its heartbeat elsewhere. */
class RunOwnerTests {

    private static final String HOST = RunOwner.CURRENT.substring(RunOwner.CURRENT.indexOf('@'));

    @Test
    void aProcessOfThisHostIsAskedWhateverItsHeartbeatSays() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();

        assertThat(RunOwner.isAlive(run(RunOwner.CURRENT, null, ago(60)))).isTrue();
        assertThat(RunOwner.isAlive(run(ended.pid() + HOST, Instant.now(), Instant.now()))).isFalse();
        assertThat(RunOwner.ended(run(ended.pid() + HOST, Instant.now(), Instant.now()))).isTrue();
    }

    @Test
    void aProcessOfAnotherHostIsAliveUntilSilentForTwoMinutes() {
        assertThat(RunOwner.isAlive(run("1@c0ffee123456", ago(30), ago(600)))).isTrue();
        assertThat(RunOwner.isAlive(run("1@c0ffee123456", ago(119), ago(600)))).isTrue();
        assertThat(RunOwner.isAlive(run("1@c0ffee123456", ago(121), ago(600)))).isFalse();
        assertThat(RunOwner.ended(run("1@c0ffee123456", ago(121), ago(600)))).isTrue();
        // a run recorded before heartbeats: silent since it started
        assertThat(RunOwner.isAlive(run("1@c0ffee123456", null, ago(30)))).isTrue();
        assertThat(RunOwner.isAlive(run("1@c0ffee123456", null, ago(600)))).isFalse();
        // an owner that names no process of ours
        assertThat(RunOwner.isAlive(run("nightly@" + HOST.substring(1), ago(600), ago(600)))).isFalse();
    }

    @Test
    void aRunThatIsNotRunningHasNotEnded() {
        LoadRun failed = run("1@c0ffee123456", ago(600), ago(600));
        failed = new LoadRun(failed.id(), failed.kind(), failed.source(), 0, null, failed.startedAt(), Instant.now(),
                Duration.ZERO, RunStatus.FAILED, failed.counts(), null, failed.owner(), failed.heartbeat(), null);

        assertThat(RunOwner.ended(failed)).isFalse();
    }

    private static Instant ago(long seconds) {
        return Instant.now().minus(Duration.ofSeconds(seconds));
    }

    private static LoadRun run(String owner, Instant heartbeat, Instant startedAt) {
        return new LoadRun(1, LoadRun.LOAD, "night.json", 10, "c0ffee", startedAt, null, Duration.ZERO,
                RunStatus.RUNNING, new RunCounts(0, 0, 0, 0, Map.of(), 0, Map.of()), null, owner, heartbeat, null);
    }
}
