package com.studio.assetregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Spring application behind every entry point. It is started by the CLI ({@code cli.Main}) with the options the
 * command line gives, or by a host application that embeds the registry and uses
 * {@link com.studio.assetregistry.registry.AssetRegistry}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AssetRegistryApplication {

    /**
     * Starts the application with no command, as Spring AOT's build step does to generate the context's bean
     * definitions. People and scripts use the command line, {@code cli.Main}.
     */
    public static void main(String[] args) {
        SpringApplication.run(AssetRegistryApplication.class, args);
    }
}
