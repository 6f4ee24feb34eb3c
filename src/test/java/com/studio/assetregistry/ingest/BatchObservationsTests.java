package com.studio.assetregistry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.RegistryIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.TestPropertySource;

/**
 * Spring Batch's own observations, per job, step, chunk and item, come back when asked for: the switch that keeps
 * them off by default ({@code management.observations.enable.spring.batch}, see {@link LoadMetricsTests}) is the one
 * that turns them on. Its own application context, so that the other tests keep them off.
 */
@TestPropertySource(properties = "management.observations.enable.spring.batch=true")
class BatchObservationsTests extends RegistryIntegrationTest {

    @Autowired
    private AssetLoader loader;
    @Autowired
    private MeterRegistry meters;

    @Test
    void observesEveryItemWhenAskedTo() {
        loader.load(Path.of("data/asset_data.json"));

        assertThat(meters.find("spring.batch.item.read").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(20));
        assertThat(meters.find("spring.batch.job").timer()).isNotNull();
    }

    @Test
    void theSwitchFollowsTheMostSpecificPropertyOfTheObservationsName() {
        assertThat(BatchObservationSwitch.isEnabled(new MockEnvironment())).isTrue();
        assertThat(BatchObservationSwitch.isEnabled(new MockEnvironment()
                .withProperty("management.observations.enable.spring.batch", "false"))).isFalse();
        assertThat(BatchObservationSwitch.isEnabled(new MockEnvironment()
                .withProperty("management.observations.enable.spring", "false"))).isFalse();
        assertThat(BatchObservationSwitch.isEnabled(new MockEnvironment()
                .withProperty("management.observations.enable.all", "false"))).isFalse();
        assertThat(BatchObservationSwitch.isEnabled(new MockEnvironment()
                .withProperty("management.observations.enable.all", "false")
                .withProperty("management.observations.enable.spring.batch", "true"))).isTrue();
    }
}
