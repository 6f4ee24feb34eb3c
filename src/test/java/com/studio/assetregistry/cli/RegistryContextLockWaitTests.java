package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.storage.RegistryLockWait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

class RegistryContextLockWaitTests {

    @Test
    void onlyTheCommandsOwnWaitsForTheLockAreSaid() throws InterruptedException {
        // given: a command's registry, told to pass on its waits for the lock
        List<RegistryLockWait> said = new CopyOnWriteArrayList<>();
        try (var application = new GenericApplicationContext()) {
            application.refresh();
            try (var registry = RegistryContext.borrowing(application)) {
                registry.onLockWait(said::add);
                var own = new RegistryLockWait(Duration.ofSeconds(1), Duration.ofSeconds(29));
                var background = new RegistryLockWait(Duration.ofSeconds(2), Duration.ofSeconds(28));

                // when: the command's statement waits, and a background thread's (a load's heartbeat, say)
                application.publishEvent(own);
                Thread heartbeat = new Thread(() -> application.publishEvent(background), "run-heartbeat");
                heartbeat.start();
                heartbeat.join();

                // then
                assertThat(said).containsExactly(own);
            }
        }
    }
}
