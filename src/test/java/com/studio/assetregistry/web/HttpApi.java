package com.studio.assetregistry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
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
    private final int port;
    private final String base;
    private String token;

    HttpApi(int port) {
        this.port = port;
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

    /**
     * Sends {@code head} (the request line and headers, without the blank line that ends them) and {@code body} as
     * they are, on a socket, with {@code Connection: close}: for the requests {@link HttpClient} refuses to send (a
     * bad percent-escape, raw UTF-8 in a header).
     */
    RawResponse raw(String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String host = head.contains("\r\nHost: ") ? "" : "\r\nHost: 127.0.0.1"; // unless the head names one
            out.write((head + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return RawResponse.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code GET target} sent as it is: see {@link #raw}. */
    RawResponse rawGet(String target) {
        return raw("GET " + target + " HTTP/1.1", new byte[0]);
    }

    /** An answer read off a socket: its status, {@code Content-Type} and body (dechunked), as UTF-8. */
    record RawResponse(int status, String contentType, String body) {

        static RawResponse parse(byte[] answer) {
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = header(head, "Content-Type");
            if ("chunked".equalsIgnoreCase(header(head, "Transfer-Encoding"))) {
                rest = dechunk(rest);
            }
            return new RawResponse(status, contentType,
                    new String(rest.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        private static String header(String head, String name) {
            return head.lines().filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }

        private static String dechunk(String chunked) {
            var out = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
                if (size == 0) {
                    return out.toString(StandardCharsets.ISO_8859_1);
                }
                String chunk = chunked.substring(lineEnd + 2, lineEnd + 2 + size);
                out.writeBytes(chunk.getBytes(StandardCharsets.ISO_8859_1));
                at = lineEnd + 2 + size + 2;
            }
        }
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
