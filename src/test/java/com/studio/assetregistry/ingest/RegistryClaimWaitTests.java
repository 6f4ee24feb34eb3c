package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryClaimWaitTests {

    @Test
    void aWaitSaysOnceForEachRunItWaitsFor() {
        // given: a load that may wait a minute, told what it waits for
        List<String> said = new ArrayList<>();
        LoadRequest request = LoadRequest.of(Path.of("extra.json")).withProgress(new LoadProgressListener() {
            @Override
            public void progressed(LoadProgress progress) {
            }

            @Override
            public void waiting(String message) {
                said.add(message);
            }
        });
        var wait = new RegistryClaim.Wait(request, Duration.ofMinutes(1));

        // when: it waits twice for one run, then for the next one queued before it
        wait.pauseFor("run 7 of night.json (process 1@a)", 7);
        wait.pauseFor("run 7 of night.json (process 1@a)", 7);
        wait.pauseFor("run 8 of other.json (process 2@a)", 8);

        // then: each run is named once
        assertThat(said).containsExactly(
                "Waiting for run 7 of night.json (process 1@a) to end before loading extra.json",
                "Waiting for run 8 of other.json (process 2@a) to end before loading extra.json");
    }

    @Test
    void aWaitThatIsOverRefusesTheLoadNamingTheRunItWaitedFor() {
        var over = new RegistryClaim.Wait(LoadRequest.of(Path.of("extra.json")), Duration.ZERO);

        assertThatThrownBy(() -> over.pauseFor("run 8 of other.json (process 2@a)", 8))
                .isInstanceOfSatisfying(RegistryBusyException.class, e -> {
                    assertThat(e.runningRunId()).isEqualTo(8);
                    assertThat(e).hasMessage("Cannot load extra.json: run 8 of other.json (process 2@a) is loading"
                            + " into this registry; wait for it to end");
                });
    }
}
