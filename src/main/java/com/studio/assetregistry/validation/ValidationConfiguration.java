package com.studio.assetregistry.validation;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads the rules file at start-up: the one the property {@code registry.rules-file} names (the CLI's
 * {@code --rules FILE}), or the one in the jar. A file that cannot be used stops start-up with a
 * {@link RulesFileException}.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    RulesFile rulesFile(Environment environment) {
        String file = environment.getProperty(RulesFile.FILE_PROPERTY);
        return file == null || file.isBlank() ? RulesFile.defaults() : RulesFile.load(Path.of(file));
    }

    @Bean
    ModelValues modelValues(RulesFile rulesFile) {
        return rulesFile.model();
    }
}
