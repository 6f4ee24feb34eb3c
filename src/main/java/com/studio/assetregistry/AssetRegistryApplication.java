package com.studio.assetregistry;

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
}
