package com.studio.assetregistry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Puts the registry of a {@link RegistryIntegrationTest} on a real PostgreSQL server instead of SQLite, the way a user
 * does: by the data source URL alone. Every test class so annotated shares the one embedded server of the test JVM
 * ({@link EmbeddedPostgresServer}) and one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = PostgresRegistry.Initializer.class)
public @interface PostgresRegistry {

    /** Points the application's data source at the shared server. */
    final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("spring.datasource.url=" + EmbeddedPostgresServer.jdbcUrl()).applyTo(context);
        }
    }
}
