package com.studio.assetregistry.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the API over real HTTP, for the tests that run the server on a port. */
final class HttpApi {

    /** A temporary directory for a server test's registry, reports and spool, removed when the JVM exits. */
    static Path workDir(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a server test's registry, reports and upload spool in {@code dir}. */
    static void registryIn(Path dir, DynamicPropertyRegistry properties) {
        properties.add("registry.db", () -> dir.resolve("registry.db").toString());
        properties.add("registry.load.reports-dir", () -> dir.resolve("reports").toString());
        properties.add("registry.api.spool-dir", () -> dir.resolve("spool").toString());
    }


    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private String token;

    HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Sends {@code Authorization: Bearer token} from now on; {@code null} sends none. */
    HttpApi token(String token) {
        this.token = token;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return post(path, contentType, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Polls a run until it is no longer running, and returns it. */
    JsonNode awaitRun(long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode run = json(get("/runs/" + id));
            if (!run.path("status").asString().equals("RUNNING") || System.nanoTime() > deadline) {
                return run;
            }
            pause(50);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
