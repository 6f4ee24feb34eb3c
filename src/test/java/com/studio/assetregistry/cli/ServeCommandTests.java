package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.studio.assetregistry.ChildJvm;
import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.registry.RunInfo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusScrapeEndpoint;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code serve} starts the web server, bound to 127.0.0.1, with its health and Prometheus endpoints; every other
 * command's application has neither server nor endpoint.
 */
class ServeCommandTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void theServerAnswersOverHttpOnTheLoopbackAddress() throws Exception {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        try (RegistryContext server = RegistryContext.startServer(options, Map.of("server.port", "0"))) {
            var application = (WebServerApplicationContext) server.application();
            int port = application.getWebServer().getPort();

            HttpResponse<String> rules = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/rules")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(rules.statusCode()).isEqualTo(200);
            assertThat(rules.body()).contains("\"id\":\"version.sequence\"");
            assertThat(server.application().getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            Optional<InetAddress> outside = NetworkInterface.networkInterfaces()
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()).findFirst();
            outside.ifPresent(address -> assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 1000);
                }
            }).as("not reachable on " + address).isInstanceOf(IOException.class));
        }
    }

    @Test
    void theServerLoadsTheInboxOnItsSchedule() throws Exception {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path file = Files.copy(Path.of("data/asset_data.json"), inbox.resolve("nightly.json"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        Map<String, String> properties = Map.of("server.port", "0", "registry.ingest.schedule", "* * * * * *",
                "registry.ingest.inbox", inbox.toString(), "registry.ingest.settle-time", "1s");
        try (RegistryContext server = RegistryContext.startServer(options, properties)) {
            Path processed = inbox.resolve("processed").resolve("nightly.json");
            Instant deadline = Instant.now().plusSeconds(60);
            while (!Files.exists(processed) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }

            assertThat(processed).exists();
            assertThat(file).doesNotExist();
            RunInfo run = server.application().getBean(AssetRegistry.class).listRuns(1).get(0);
            assertThat(run.source()).endsWith("nightly.json");
            assertThat(run.status()).isEqualTo("COMPLETED");
            assertThat(List.of(run.counts().registered(), run.counts().rejected())).containsExactly(17L, 3L);
            int port = ((WebServerApplicationContext) server.application()).getWebServer().getPort();
            assertThat(get("http://127.0.0.1:" + port + "/actuator/prometheus", null).body().lines())
                    .as("the inbox's gauge, empty now").contains("registry_inbox_files 0.0");
        }
    }

    @Test
    void aCommandOtherThanServeStartsNoWebServerAndNoActuatorEndpoint() {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        try (RegistryContext cli = RegistryContext.start(options)) {
            assertThat(cli.application()).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(cli.application().getBeanNamesForType(
                    org.springframework.web.servlet.DispatcherServlet.class)).isEmpty();
            assertThat(cli.application().getBeanNamesForType(HealthEndpoint.class)).isEmpty();
            assertThat(cli.application().getBeanNamesForType(PrometheusScrapeEndpoint.class)).isEmpty();
            assertThat(cli.application().getBean(MeterRegistry.class)).isNotInstanceOf(PrometheusMeterRegistry.class);
        }
    }

    @Test
    void servesItsHealthWithTheDatabaseAndTheLoadMetersForPrometheus() throws Exception {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        try (RegistryContext server = RegistryContext.startServer(options, Map.of("server.port", "0"))) {
            String api = "http://127.0.0.1:" + ((WebServerApplicationContext) server.application()).getWebServer()
                    .getPort();

            // given: a load posted through the API, to its end
            HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/assets/load"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("data/asset_data.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(202);
            awaitRun(api, JSON.readTree(posted.body()).path("id").asLong());

            // when
            HttpResponse<String> health = get(api + "/actuator/health", null);
            HttpResponse<String> prometheus = get(api + "/actuator/prometheus", null);

            // then
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode status = JSON.readTree(health.body());
            assertThat(status.path("status").asString()).isEqualTo("UP");
            assertThat(status.path("components").path("db").path("status").asString()).isEqualTo("UP");
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body().lines())
                    .anySatisfy(line -> assertThat(line).startsWith("registry_load_records_total{")
                            .contains("outcome=\"registered\"").endsWith(" 17.0"))
                    .anySatisfy(line -> assertThat(line).startsWith("registry_load_records_total{")
                            .contains("outcome=\"rejected\"").endsWith(" 3.0"))
                    .anySatisfy(line -> assertThat(line).startsWith("registry_load_rejects_records_total{")
                            .contains("rule=\"status.unknown\"").endsWith(" 2.0"))
                    .anySatisfy(line -> assertThat(line).startsWith("registry_load_duration_seconds_count{")
                            .contains("status=\"COMPLETED\"").endsWith(" 1"));
            assertThat(prometheus.body()).as("no per-item Batch observation").doesNotContain("spring_batch_item");
        }
    }

    @Test
    void theHealthCheckNeedsNoTokenAndPrometheusIsARead() throws Exception {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        try (RegistryContext server = RegistryContext.startServer(options, Map.of("server.port", "0",
                "registry.api.token", "w-token", "registry.api.read-token", "r-token"))) {
            String api = "http://127.0.0.1:" + ((WebServerApplicationContext) server.application()).getWebServer()
                    .getPort();

            assertThat(get(api + "/actuator/health", null).statusCode()).isEqualTo(200);
            assertThat(get(api + "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(api + "/actuator/prometheus", "r-token").statusCode()).isEqualTo(200);
            assertThat(get(api + "/assets", null).statusCode()).isEqualTo(401);
        }
    }

    private static HttpResponse<String> get(String uri, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitRun(String api, long id) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = JSON.readTree(get(api + "/runs/" + id, null).body());
            if (!run.path("status").asString().equals("RUNNING")) {
                assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + id + " did not end in time");
    }

    @Test
    void aServerThatCannotStartSaysWhyInOneLineWithoutTheFrameworksStackTrace() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Process busy = startServe("--db", dir.resolve("registry.db").toString(), "serve", "--port",
                    String.valueOf(port));
            Process nowhere = startServe("--db", dir.resolve("missing").resolve("registry.db").toString(), "serve",
                    "--port", "0");

            assertThat(busy.waitFor()).isEqualTo(1);
            assertThat(new String(busy.getInputStream().readAllBytes())).as("standard output").isEmpty();
            assertThat(new String(busy.getErrorStream().readAllBytes()))
                    .isEqualTo("error: Cannot serve on port " + port + ": it is in use; choose another with --port\n");
            assertThat(nowhere.waitFor()).isEqualTo(1);
            assertThat(new String(nowhere.getInputStream().readAllBytes())).as("standard output").isEmpty();
            assertThat(new String(nowhere.getErrorStream().readAllBytes())).isEqualTo("error: Cannot open the registry "
                    + dir.resolve("missing").resolve("registry.db") + ": the directory " + dir.resolve("missing")
                    + " does not exist; create it first, or name another file\n");
        }
    }

    @Test
    void aScheduleOfFiveFieldsIsOneLineNamingTheSetting() {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);

        assertThatThrownBy(() -> RegistryContext.startServer(options,
                Map.of("server.port", "0", "registry.ingest.schedule", "30 2 * * *")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("Cannot start: registry.ingest.schedule must be a cron expression of six fields, seconds"
                        + " first (0 30 2 * * * is 02:30 every night), not \"30 2 * * *\"");
    }

    @Test
    void aSpoolDirectoryThatCannotBeMadeIsOneLineNamingItNotTheRegistry() throws IOException {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        Path spool = Files.writeString(dir.resolve("spool"), "a file, not a folder");

        assertThatThrownBy(() -> RegistryContext.startServer(options,
                Map.of("server.port", "0", "registry.api.spool-dir", spool.toString())))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageStartingWith("Cannot use the spool directory " + spool
                        + " (registry.api.spool-dir): ")
                .hasMessageNotContaining("registry.db");
    }

    @Test
    void anAddressNotOfThisMachineIsOneLineNamingItNotTheRegistry() {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);

        // 192.0.2.1 is TEST-NET-1, for documentation: no machine has it
        assertThatThrownBy(() -> RegistryContext.startServer(options,
                Map.of("server.port", "0", "server.address", "192.0.2.1")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageStartingWith("Cannot serve on 192.0.2.1: ")
                .hasMessageEndingWith("; choose an address of this machine with --address (0.0.0.0 for all of them)");
    }

    @Test
    void anAddressAConfigurationFileSetsIsTheOneNamedWhenItCannotBeBound() throws IOException {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        Path config = Files.writeString(dir.resolve("application.yml"), "server:\n  address: 192.0.2.7\n");
        System.setProperty("spring.config.additional-location", config.toString());
        try {
            assertThatThrownBy(() -> RegistryContext.startServer(options, Map.of("server.port", "0")))
                    .isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageStartingWith("Cannot serve on 192.0.2.7: ");
        } finally {
            System.clearProperty("spring.config.additional-location");
        }
    }

    @ParameterizedTest
    @CsvSource({"registry.api.token, REGISTRY_API_TOKEN", "registry.api.read-token, REGISTRY_API_READ_TOKEN"})
    void aTokenSetToNothingStopsTheServerRatherThanLeaveTheApiOpen(String name, String variable) {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);

        assertThatThrownBy(() -> RegistryContext.startServer(options, Map.of("server.port", "0", name, " ")))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("Cannot start: " + name + " (" + variable + ") is set but empty, which would leave the API"
                        + " open: set the token, or unset it to serve without one");
    }

    private Process startServe(String... arguments) throws IOException {
        return new ProcessBuilder(ChildJvm.command(arguments)).directory(dir.toFile()).start();
    }

    @Test
    void theUrlItPrintsPutsAnIpv6AddressInBrackets() {
        assertThat(ServeCommand.url("127.0.0.1", 8080)).isEqualTo("http://127.0.0.1:8080/");
        assertThat(ServeCommand.url("::1", 18090)).isEqualTo("http://[::1]:18090/");
        assertThat(ServeCommand.url("[::1]", 18090)).isEqualTo("http://[::1]:18090/");
        assertThat(ServeCommand.url("render3.studio.example", 80)).isEqualTo("http://render3.studio.example:80/");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        var err = new StringWriter();
        CommandLine commandLine = AssetRegistryCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("--db", dir.resolve("registry.db").toString(), "serve", "--port", "70000");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --port must be from 0 to 65535, not 70000\n");
    }
}
