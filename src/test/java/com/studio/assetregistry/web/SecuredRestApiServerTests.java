package com.studio.assetregistry.web;

import static com.studio.assetregistry.web.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The REST API with tokens and small size limits, over real HTTP on a real SQLite file: writes need the write token,
 * reads the read token (or the write token), the API description stays open, and bodies over their limit are 413
 * problems, whether their length is declared or not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "registry.api.token=write-s3cret",
                "registry.api.read-token=read-s3cret", "registry.api.max-body-size=1KB",
                "registry.api.max-load-size=4KB"})
class SecuredRestApiServerTests {

    private static final Path WORK_DIR = HttpApi.workDir("asset-registry-api-secured-test");
    private static final String WRITE = "write-s3cret";
    private static final String READ = "read-s3cret";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private HttpApi api;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        HttpApi.registryIn(WORK_DIR, registry);
    }

    @BeforeEach
    void emptyRegistry() {
        api = new HttpApi(port);
        for (String table : new String[] {"asset_version_row", "asset_row", "load_run"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void aWriteNeedsTheWriteToken() {
        HttpResponse<String> none = api.token(null).post("/assets", "application/json", asset("a"));
        HttpResponse<String> readToken = api.token(READ).post("/assets", "application/json", asset("a"));
        HttpResponse<String> wrong = api.token("guess").post("/assets", "application/json", asset("a"));

        for (HttpResponse<String> refused : java.util.List.of(none, readToken, wrong)) {
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
        }
        assertThat(json(none).path("detail").asString()).startsWith("no bearer token");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset", Long.class)).as("nothing registered").isZero();
        assertThat(api.token(WRITE).post("/assets", "application/json", asset("a")).statusCode()).isEqualTo(201);
    }

    @Test
    void aReadNeedsTheReadOrTheWriteToken() {
        assertThat(api.token(null).get("/rules").statusCode()).isEqualTo(401);
        assertThat(api.token("guess").get("/assets").statusCode()).isEqualTo(401);
        assertThat(api.token(READ).get("/rules").statusCode()).isEqualTo(200);
        assertThat(api.token(WRITE).get("/runs").statusCode()).isEqualTo(200);
    }

    @Test
    void theApiDescriptionStaysOpen() {
        HttpResponse<String> docs = api.token(null).get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(json(docs).path("openapi").asString()).startsWith("3.1");
        assertThat(json(docs).path("paths").has("/assets/versions")).isTrue();
        assertThat(json(docs).path("paths").has("/runs/{id}/rejects")).isTrue();
        assertThat(json(docs).path("paths").has("/error")).as("the container's error answer is no endpoint").isFalse();
        JsonNode add = json(docs).path("paths").path("/assets").path("post");
        JsonNode rules = json(docs).path("paths").path("/rules").path("get");
        assertThat(add.path("responses").path("401").path("content").has("application/problem+json"))
                .as("a write without its token").isTrue();
        assertThat(rules.path("responses").has("401")).as("a read without its token").isTrue();
        assertThat(rules.path("security").toString()).contains("bearer");
        assertThat(json(docs).path("components").path("securitySchemes").path("bearer").path("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void aBodyOverItsLimitIs413WithOrWithoutADeclaredLength() {
        api.token(WRITE);
        String big = "{\"name\": \"" + "x".repeat(1100) + "\"}";

        HttpResponse<String> declared = api.post("/assets", "application/json", big);
        HttpResponse<String> chunked = api.post("/assets", "application/json", HttpRequest.BodyPublishers
                .ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))));

        for (HttpResponse<String> refused : java.util.List.of(declared, chunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("detail").asString()).contains("larger than 1 KiB");
        }
    }

    @Test
    void aLoadOverItsLimitIs413AndStartsNoRun() {
        api.token(WRITE);
        String records = RestApiServerTests.records(100); // about 9 KB

        HttpResponse<String> declared = api.post("/assets/load", "application/x-ndjson", records);
        HttpResponse<String> chunked = api.post("/assets/load", "application/x-ndjson", HttpRequest.BodyPublishers
                .ofInputStream(() -> new ByteArrayInputStream(records.getBytes(StandardCharsets.UTF_8))));
        String boundary = "----" + UUID.randomUUID();
        byte[] upload = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.json\""
                + "\r\n\r\n" + records + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> multipart = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofByteArray(upload));
        HttpResponse<String> multipartChunked = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)));

        for (HttpResponse<String> refused : java.util.List.of(declared, chunked, multipart, multipartChunked)) {
            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("detail").asString()).contains("larger than 4 KiB");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
        HttpResponse<String> within = api.post("/assets/load", "application/x-ndjson", RestApiServerTests.records(10));
        assertThat(within.statusCode()).isEqualTo(202);
        // the load runs on in the background: let it end before the next test empties the registry under it
        assertThat(api.awaitRun(json(within).path("id").asLong()).path("status").asString()).isEqualTo("COMPLETED");
    }

    private static String asset(String name) {
        return RestApiServerTests.asset(name, "prop");
    }
}
