package com.studio.assetregistry.storage.jdbc;

import com.studio.assetregistry.storage.RegistryLockWait;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's data source, as Spring Boot makes it, wrapped in {@link LockWaitNotice}: a wait for another
 * process's lock longer than {@link #NOTICE} is logged, and published as a {@link RegistryLockWait} for the command
 * line to say.
 */
@Configuration(proxyBeanMethods = false)
class LockWaitConfiguration {

    /** How long a statement waits for another writer's lock in silence: longer than any of a load's commits. */
    static final Duration NOTICE = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(LockWaitNotice.class);

    @Bean
    static BeanPostProcessor lockWaitNotice(ObjectProvider<ApplicationEventPublisher> events) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof LockWaitNotice) {
                    return bean;
                }
                return new LockWaitNotice(dataSource, NOTICE, wait -> {
                    log.warn("Waiting for the registry's lock, which another writer holds (another process, or"
                            + " another transaction of this one): {} ms so far, up to {} ms more",
                            wait.waited().toMillis(), wait.more().toMillis());
                    events.getObject().publishEvent(wait);
                });
            }
        };
    }
}
