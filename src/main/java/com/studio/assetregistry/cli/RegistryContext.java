package com.studio.assetregistry.cli;

import com.studio.assetregistry.AssetRegistryApplication;
import com.studio.assetregistry.registry.AssetRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring application started for one command, configured from the global options; closed when it ends. */
final class RegistryContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final boolean owned;

    private RegistryContext(ConfigurableApplicationContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /** A registry whose application was started elsewhere and stays open when this closes: tests share one. */
    static RegistryContext borrowing(ConfigurableApplicationContext context) {
        return new RegistryContext(context, false);
    }

    static RegistryContext start(GlobalOptions options) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (options.db() != null) {
            String db = options.db();
            properties.put(db.startsWith("jdbc:") ? "spring.datasource.url" : "registry.db", db);
        }
        if (options.reports() != null) {
            properties.put("registry.load.reports-dir", options.reports().toString());
        }
        // People read the command's own output; the framework's logs (and their stack traces) only with --debug.
        properties.put("logging.level.root", options.debug() ? "INFO" : "OFF");
        // A command uses a few beans: create only those, so a query does not start the batch machinery.
        properties.put("spring.main.lazy-initialization", "true");
        // Passed as command-line arguments, which take precedence over application.yml.
        String[] arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = null;
        try {
            // main(...) names the application class, whose AOT initializer runs with -Dspring.aot.enabled=true
            context = new SpringApplicationBuilder(AssetRegistryApplication.class).main(AssetRegistryApplication.class)
                    .run(arguments);
            context.getBean(AssetRegistry.class); // opens and migrates the database now, so a failure is named here
            return new RegistryContext(context, true);
        } catch (RuntimeException e) {
            if (context != null) {
                context.close();
            }
            String where = options.db() == null ? "registry.db" : options.db();
            throw new RegistryUnavailableException("Cannot open the registry " + where + ": " + Failures.describe(e), e);
        }
    }

    AssetRegistry registry() {
        return context.getBean(AssetRegistry.class);
    }

    @Override
    public void close() {
        if (owned) {
            context.close();
        }
    }
}
