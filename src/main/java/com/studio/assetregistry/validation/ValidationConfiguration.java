package com.studio.assetregistry.validation;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Reads the rules file at start-up: the one the property {@code registry.rules-file} names (the CLI's
 * {@code --rules FILE}), or the one in the jar. A file that cannot be used, or a property set to no name, stops
 * start-up with a {@link RulesFileException}.
 */
@Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    RulesFile rulesFile(Environment environment) {
        String file = environment.getProperty(RulesFile.FILE_PROPERTY);
        if (file == null) {
            return RulesFile.defaults();
        }
        if (file.isBlank()) { // an unset variable in a cron line's --rules "$RULES": not the rules in the jar
            throw new RulesFileException("Cannot read the rules file: its name is empty (--rules '', or an empty "
                    + RulesFile.FILE_PROPERTY + " or REGISTRY_RULESFILE); name a file, or leave it out for the rules"
                    + " in the jar");
        }
        return RulesFile.load(Path.of(file));
    }

    @Bean
    ModelValues modelValues(RulesFile rulesFile) {
        return rulesFile.model();
    }
}
