package com.studio.assetregistry.inbox;

import com.studio.assetregistry.registry.AssetRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.TimeZone;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Switches the scheduled ingestion of the inbox on in the context that imports it, when
 * {@code registry.ingest.schedule} holds a cron expression: the {@link InboxIngester} (with its gauge
 * {@value InboxIngester#FILES}) and the schedule that runs it under the lock of ShedLock's table (migration V7) in the
 * registry's database. Without a schedule it defines nothing.
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

    @Bean
    InboxSchedule inboxSchedule(InboxIngester inboxIngester, InboxProperties properties, DataSource dataSource) {
        return new InboxSchedule(inboxIngester, properties, lockProvider(dataSource), Clock.systemDefaultZone());
    }

    /**
     * ShedLock on its table in the registry's database, with the JVM's time in UTC (ShedLock knows no SQLite function
     * for the database's; UTC so that instances in other time zones agree), each statement in a transaction of its
     * own, outside any load's.
     */
    private static JdbcTemplateLockProvider lockProvider(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setExceptionTranslator(new LockTableExceptionTranslator(jdbc.getExceptionTranslator()));
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc)
                .withTableName("shedlock")
                .withTimeZone(TimeZone.getTimeZone("UTC"))
                .build());
    }
}
