package com.studio.assetregistry.cli;

import com.studio.assetregistry.AssetRegistryApplication;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.validation.RulesFile;
import com.studio.assetregistry.validation.RulesFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.PortInUseException;
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
        return start(options, Map.of());
    }

    /**
     * The application as a web server, for {@code serve}: not lazy, with the servlet stack, and the framework's
     * warnings logged (a server has no command output to read). {@code web} adds properties, the port and address.
     */
    static RegistryContext startServer(GlobalOptions options, Map<String, String> web) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.main.web-application-type", "servlet");
        properties.put("spring.main.lazy-initialization", "false");
        properties.put("logging.level.root", options.debug() ? "INFO" : "WARN");
        properties.putAll(web);
        return start(options, properties);
    }

    private static RegistryContext start(GlobalOptions options, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (options.db() != null) {
            String db = options.db();
            properties.put(db.startsWith("jdbc:") ? "spring.datasource.url" : "registry.db", db);
        }
        if (options.reports() != null) {
            properties.put("registry.load.reports-dir", options.reports().toString());
        }
        if (options.rules() != null) {
            properties.put(RulesFile.FILE_PROPERTY, options.rules().toString());
        }
        // People read the command's own output; the framework's logs (and their stack traces) only with --debug.
        properties.put("logging.level.root", options.debug() ? "INFO" : "OFF");
        // A command uses a few beans: create only those, so a query does not start the batch machinery.
        properties.put("spring.main.lazy-initialization", "true");
        properties.putAll(overrides);
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
            rulesFileProblem(e).ifPresent(problem -> {
                throw problem;
            });
            portInUse(e).ifPresent(port -> {
                throw new RegistryUnavailableException("Cannot serve on port " + port + ": it is in use; choose"
                        + " another with --port", e);
            });
            String where = options.db() == null ? "registry.db" : options.db();
            throw new RegistryUnavailableException("Cannot open the registry " + where + ": " + Failures.describe(e), e);
        }
    }

    /** A rules file that cannot be used is the user's to fix, not a registry that cannot be opened. */
    private static Optional<RulesFileException> rulesFileProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RulesFileException problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** The port a web server failed to bind, if that is why the application failed. */
    private static Optional<Integer> portInUse(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PortInUseException inUse) {
                return Optional.of(inUse.getPort());
            }
        }
        return Optional.empty();
    }

    /** The application itself, for a command that runs as long as it does ({@code serve}). */
    ConfigurableApplicationContext application() {
        return context;
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
