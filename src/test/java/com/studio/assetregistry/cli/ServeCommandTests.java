package com.studio.assetregistry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.registry.AssetRegistry;
import com.studio.assetregistry.registry.RunInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import picocli.CommandLine;

/** {@code serve} starts the web server, bound to 127.0.0.1; every other command's application has none. */
class ServeCommandTests {

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
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                assertThat(socket.isConnected()).isTrue();
            }
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
        }
    }

    @Test
    void aCommandOtherThanServeStartsNoWebServer() {
        var options = new GlobalOptions(dir.resolve("registry.db").toString(), dir.resolve("reports"), false, null);
        try (RegistryContext cli = RegistryContext.start(options)) {
            assertThat(cli.application()).isNotInstanceOf(WebServerApplicationContext.class);
            assertThat(cli.application().getBeanNamesForType(
                    org.springframework.web.servlet.DispatcherServlet.class)).isEmpty();
        }
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
