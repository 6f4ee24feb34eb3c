package com.studio.assetregistry.web;

import static com.studio.assetregistry.web.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A load posted to the API that fails in the background, here over a rules file's reject budget: its run says why,
 * naming the file as the client sent it, not the server's spool file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class RestApiRejectBudgetTests {

    private static final Path WORK_DIR = HttpApi.workDir("asset-registry-api-budget-test");

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        HttpApi.registryIn(WORK_DIR, registry);
        Path rules = WORK_DIR.resolve("studio.yml");
        try {
            Files.writeString(rules, "max-reject-rate: 0.05\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("registry.rules-file", rules::toString);
    }

    @Test
    void aLoadThatFailsInTheBackgroundSaysWhyInItsRunNamingTheFileTheClientSent() throws IOException {
        HttpApi api = new HttpApi(port);
        HttpResponse<String> posted = api.send(api.request("/assets/load").header("Content-Type", "application/json")
                .header("X-File-Name", "asset_data.json")
                .POST(HttpRequest.BodyPublishers.ofFile(Path.of("data/asset_data.json"))).build());
        assertThat(posted.statusCode()).isEqualTo(202);

        JsonNode run = api.awaitRun(json(posted).path("id").asLong());

        assertThat(run.path("status").asString()).isEqualTo("FAILED");
        assertThat(run.path("counts").path("registered").asLong()).isZero();
        assertThat(run.path("failure").asString())
                .isEqualTo("The load of POST /assets/load asset_data.json rejected 3 of 20 records (15%), more than"
                        + " max-reject-rate 0.05 allows; nothing was registered")
                .doesNotContain(WORK_DIR.toString());
        assertThat(json(api.get("/assets")).path("items")).isEmpty();
    }
}
