package com.studio.assetregistry.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.SpringProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code serve}: the REST API, the web page, the actuator endpoints and the inbox schedule, until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the REST API, the web page at / and the actuator endpoints over HTTP until stopped "
                        + "(Ctrl-C or SIGTERM). When registry.ingest.schedule holds a cron expression, also loads the "
                        + "inbox's files on that schedule.",
                "Binds to 127.0.0.1 unless --address says otherwise.",
                "With REGISTRY_API_TOKEN set in the environment, writes need 'Authorization: Bearer <token>'; with "
                        + "REGISTRY_API_READ_TOKEN, reads too."},
        footer = {"",
                "Endpoints: /assets, /assets/types, /assets/versions, /assets/load, /runs, /rules, /actuator/health, "
                        + "/actuator/prometheus; the web page at /; OpenAPI at /v3/api-docs, Swagger UI at "
                        + "/swagger-ui.html.",
                "",
                "Examples:",
                "  asset-registry serve --port 8080",
                "  REGISTRY_API_TOKEN=s3cret asset-registry --db /shows/abc/registry.db serve"})
class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private AssetRegistryCommand top;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: 8080; 0 picks a free one)")
    private Integer port;

    @Option(names = "--address", paramLabel = "ADDRESS",
            description = "Address to bind (default: 127.0.0.1; 0.0.0.0 for every interface)")
    private String address;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65_535)) {
            top.error("--port must be from 0 to 65535, not " + port);
            return 2;
        }
        // The AOT-generated context (bin/asset-registry) is the command line's, built without the web server.
        SpringProperties.setProperty("spring.aot.enabled", "false");
        Map<String, String> web = new LinkedHashMap<>();
        if (port != null) {
            web.put("server.port", port.toString());
        }
        if (address != null) {
            web.put("server.address", address);
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (RegistryContext context = top.server(web)) {
            var application = context.application();
            application.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    closed.countDown();
                }
            });
            int bound = ((WebServerApplicationContext) application).getWebServer().getPort();
            String host = application.getEnvironment().getProperty("server.address", "127.0.0.1");
            top.out().println("Serving the registry on " + url(host, bound) + " (OpenAPI: /v3/api-docs,"
                    + " Swagger UI: /swagger-ui.html); Ctrl-C stops it");
            top.out().flush();
            closed.await();
        }
        return 0;
    }

    /** The server's URL: an IPv6 address in brackets, as a URL writes it ({@code http://[::1]:8080/}). */
    static String url(String host, int port) {
        return "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port + "/";
    }
}
