package com.studio.assetregistry.storage.jdbc;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Flyway's migrations of a SQLite registry, when there are any to apply, in transactions that take the write lock as
 * they begin. Two commands started together on a new file both migrate it; in SQLite's default, deferred transactions,
 * the second read the schema, then failed to write it ({@code SQLITE_BUSY_SNAPSHOT}) once the first had, without
 * waiting. Begun {@code IMMEDIATE}, the second waits for the first's migration to commit (up to the URL's
 * {@code busy_timeout}), and Flyway, which reads what is applied again inside each migration's transaction, finds
 * nothing left to do. A registry with nothing to migrate is opened as ever, without the lock, which another writer
 * may hold: its commands wait for it when they write, and say so.
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    FlywayMigrationStrategy sqliteMigrationsTakeTheWriteLock(Environment environment) {
        return flyway -> {
            String url = environment.getProperty("spring.datasource.url");
            if (url == null || !url.startsWith(SqliteUrl.PREFIX) || flyway.info().pending().length == 0) {
                flyway.migrate();
                return;
            }
            var config = new SQLiteConfig();
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            var dataSource = new SQLiteDataSource(config);
            dataSource.setUrl(url);
            Flyway.configure(flyway.getConfiguration().getClassLoader()).configuration(flyway.getConfiguration())
                    .dataSource(dataSource).load().migrate();
        };
    }
}
