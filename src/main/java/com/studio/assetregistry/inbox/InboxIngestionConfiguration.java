package com.studio.assetregistry.inbox;

import com.studio.assetregistry.registry.AssetRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Switches the scheduled ingestion of the inbox on in the context that imports it, when
 * {@code registry.ingest.schedule} holds a cron expression: the {@link InboxIngester}, with its gauge
 * {@value InboxIngester#FILES}. Without a schedule it defines nothing.
 * <p>
 * Not a {@code @Configuration} on purpose: component scanning would then switch it on in every context of the
 * application, the command line's included, wherever the environment sets a schedule. A long-running context opts in
 * with {@code @Import(InboxIngestionConfiguration.class)} on one of its configurations, or by naming it among the
 * sources of its {@code SpringApplication}. Its {@code @Bean} methods are plain factory methods (Spring's lite mode).
 */
@Conditional(OnInboxSchedule.class)
@EnableConfigurationProperties(InboxProperties.class)
public class InboxIngestionConfiguration {

    @Bean
    InboxIngester inboxIngester(AssetRegistry registry, InboxProperties properties, MeterRegistry meters) {
        return new InboxIngester(registry, properties, meters, Clock.systemDefaultZone());
    }
}
