package com.studio.assetregistry.storage.jdbc;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's transaction manager, in place of the one Spring Boot would make: {@link SqliteTransactionManager},
 * customized as Boot customizes its own ({@code spring.transaction.*}).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    @Bean
    SqliteTransactionManager transactionManager(DataSource dataSource,
                                                ObjectProvider<TransactionManagerCustomizers> customizers) {
        var transactionManager = new SqliteTransactionManager(dataSource);
        customizers.ifAvailable(all -> all.customize(transactionManager));
        return transactionManager;
    }
}
