package com.studio.assetregistry.web;

import static com.studio.assetregistry.web.HttpApi.encode;
import static com.studio.assetregistry.web.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.studio.assetregistry.asset.AssetKey;
import com.studio.assetregistry.asset.AssetVersion;
import com.studio.assetregistry.asset.VersionedAsset;
import com.studio.assetregistry.storage.LoadStore;
import com.studio.assetregistry.storage.RecordPosition;
import com.studio.assetregistry.storage.RunStatus;
import com.studio.assetregistry.storage.StagedVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The REST API as a client uses it: the real server on a random port, over real HTTP, on a real SQLite file, with no
 * token (the API is open, bound to 127.0.0.1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.main.web-application-type=servlet", "registry.load.chunk-size=100"})
class RestApiServerTests {

    private static final Path WORK_DIR = HttpApi.workDir("asset-registry-api-test");
    /** This server's own directory in the spool directory. */
    private static final Path SPOOL = WORK_DIR.resolve("spool").resolve(Long.toString(ProcessHandle.current().pid()));
    private static final String NDJSON = "application/x-ndjson";

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LoadStore loads;

    private HttpApi api;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        HttpApi.registryIn(WORK_DIR, registry);
    }

    @BeforeEach
    void emptyRegistry() {
        api = new HttpApi(port);
        // a load a failed test left running would find its run gone
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM load_run WHERE status = 'RUNNING'", Long.class) > 0
                && System.nanoTime() < deadline) {
            HttpApi.pause(100);
        }
        for (String table : new String[] {"reject_violation", "reject", "warning_violation", "warning",
                "staged_version", "run_gap", "run_group", "asset_version_row", "asset_row", "load_run"}) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @Test
    void aLoadPostedIsPolledToCompletionThenQueried() throws IOException {
        HttpResponse<String> posted = api.post("/assets/load", "application/json",
                HttpRequest.BodyPublishers.ofFile(Path.of("data/asset_data.json")));

        assertThat(posted.statusCode()).isEqualTo(202);
        long id = json(posted).path("id").asLong();
        assertThat(posted.headers().firstValue("Location")).hasValue("/runs/" + id);
        JsonNode run = api.awaitRun(id);
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("read").asLong()).isEqualTo(20);
        assertThat(run.path("counts").path("registered").asLong()).isEqualTo(17);
        assertThat(run.path("counts").path("rejected").asLong()).isEqualTo(3);
        assertThat(run.path("rejectsByRule").path("status.unknown").asLong()).isEqualTo(2);
        assertThat(run.path("rejectsByRule").path("version.sequence").asLong()).isEqualTo(1);
        assertThat(run.path("progress").path("phase").asString()).isEqualTo("finished");
        assertThat(run.path("progress").path("fraction").asDouble()).isEqualTo(1.0);
        // the run's status commits before its thread deletes the spool file: give the thread its moment
        assertThat(spoolFilesOnceSettled()).as("the spool file is gone").isEmpty();

        JsonNode versions = json(api.get("/assets/versions?asset=hero&type=character"));
        assertThat(versions).hasSize(4);
        assertThat(versions.get(3).path("version").asInt()).isEqualTo(4);
        assertThat(json(api.get("/runs")).get(0).path("id").asLong()).isEqualTo(id);
    }

    @Test
    void aRunsRejectsArePagedByCursorAndMatchItsReportFile() {
        long id = json(api.post("/assets/load", "application/json", readSample())).path("id").asLong();
        api.awaitRun(id);

        JsonNode first = json(api.get("/runs/" + id + "/rejects?limit=2"));
        assertThat(first.path("items")).hasSize(2);
        String cursor = first.path("nextCursor").asString();
        JsonNode second = json(api.get("/runs/" + id + "/rejects?limit=2&cursor=" + cursor));
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("nextCursor").isNull()).isTrue();
        JsonNode ofRule = json(api.get("/runs/" + id + "/rejects?rule=status.unknown"));
        assertThat(ofRule.path("items")).hasSize(2);
        assertThat(ofRule.path("items").get(0).path("rules").get(0).path("id").asString())
                .isEqualTo("status.unknown");
        assertThat(json(api.get("/runs/" + id + "/rejects?rule=type.unknown")).path("items"))
                .as("a rule of the catalogue that no record broke").isEmpty();
        HttpResponse<String> mistyped = api.get("/runs/" + id + "/rejects?rule=status.unkown");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(json(mistyped).path("parameter").asString()).isEqualTo("rule");
        assertThat(json(mistyped).path("detail").asString()).startsWith("unknown rule 'status.unkown': the rules are ")
                .contains("status.unknown, ");

        HttpResponse<String> file = api.get("/runs/" + id + "/rejects.jsonl");
        assertThat(file.statusCode()).isEqualTo(200);
        List<JsonNode> lines = file.body().lines().map(line -> HttpApi.json(line)).toList();
        List<JsonNode> paged = new ArrayList<>();
        first.path("items").forEach(paged::add);
        second.path("items").forEach(paged::add);
        assertThat(paged).as("a page's items have the shape of the report's lines").isEqualTo(lines);
    }

    @Test
    void aRunsReportFileIsServedFromWhereItWasWrittenAndOnlyIfItIsThatRunsReport() throws IOException {
        long id = json(api.post("/assets/load", "application/json", readSample())).path("id").asLong();
        api.awaitRun(id);

        // recorded where it is, whatever directory a server or a command reading it later runs in
        String recorded = jdbc.queryForObject("SELECT report_dir FROM load_run WHERE id = ?", String.class, id);
        assertThat(Path.of(recorded)).isAbsolute().isDirectory();
        assertThat(api.get("/runs/" + id + "/rejects.jsonl").statusCode()).isEqualTo(200);

        // another registry sharing the reports directory wrote its own run of that id there
        Path summary = Path.of(recorded).resolve("summary.json");
        Files.writeString(summary, Files.readString(summary).replaceFirst("\"sha256\"\\s*:\\s*\"[0-9a-f]+\"",
                "\"sha256\": \"" + "0".repeat(64) + "\""));

        HttpResponse<String> another = api.get("/runs/" + id + "/rejects.jsonl");
        assertThat(another.statusCode()).isEqualTo(404);
        assertThat(json(another).path("detail").asString()).isEqualTo("run " + id + " has no report file");
    }

    @Test
    void aRejectsPageShowsEachRecordAsWrittenWordForWordAsTheReportFile() {
        // numbers a parser into double would change: 1.10 to 1.1, 1E2 to 100.0, -0 to 0, 1e999999999 to Infinity
        String records = """
                {"asset": {"name": "a", "type": "prop"}, "department": "modeling", "version": 1.10, "status": "active"}
                {"asset": {"name": "b", "type": "prop"}, "department": "modeling", "version": 1, "status": "bogus", \
                "extra": [1E2, 0.1e-400, -0, 3.14159265358979323846264338327950288, 1e999999999]}
                """;
        long id = json(api.post("/assets/load", NDJSON, records)).path("id").asLong();
        api.awaitRun(id);

        HttpResponse<String> page = api.get("/runs/" + id + "/rejects");
        List<String> lines = api.get("/runs/" + id + "/rejects.jsonl").body().lines().toList();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(page.body()).contains(line));
        assertThat(page.body()).contains("\"version\":1.10,").contains("[1E2,0.1e-400,-0,"
                + "3.14159265358979323846264338327950288,1e999999999]");
    }

    @Test
    void aMultipartUploadIsLoadedUnderItsFileName() {
        String boundary = "----" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"nightly.json\""
                + "\r\nContent-Type: application/json\r\n\r\n" + readSample() + "\r\n--" + boundary + "--\r\n";

        HttpResponse<String> posted = api.post("/assets/load", "multipart/form-data; boundary=" + boundary, body);

        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode run = api.awaitRun(json(posted).path("id").asLong());
        assertThat(run.path("source").asString()).isEqualTo("POST /assets/load nightly.json");
        assertThat(run.path("counts").path("registered").asLong()).isEqualTo(17);

        // an X-File-Name said on purpose names the run over the part's file name
        HttpResponse<String> named = api.send(api.request("/assets/load?force=true")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-File-Name", "UTF-8''h%C3%A9ros.json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        assertThat(named.statusCode()).isEqualTo(202);
        assertThat(api.awaitRun(json(named).path("id").asLong()).path("source").asString())
                .isEqualTo("POST /assets/load h\u00e9ros.json");
    }

    @Test
    void readsGoOnDuringALoadAnApiWriteWaitsItsTurnAndASecondLoadIsRefused() {
        assertThat(api.post("/assets", "application/json", asset("hero", "character")).statusCode()).isEqualTo(201);
        String records = records(10_000);

        long id = json(api.post("/assets/load", NDJSON, records)).path("id").asLong();

        int readsWhileRunning = 0;
        boolean wroteWhileRunning = false;
        List<Long> bytesRead = new ArrayList<>();
        JsonNode run;
        while ((run = json(api.get("/runs/" + id))).path("status").asString().equals("RUNNING")) {
            bytesRead.add(run.path("progress").path("bytesRead").asLong());
            HttpResponse<String> read = api.get("/assets/versions?asset=hero&type=character");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read).get(0).path("status").asString()).isEqualTo("active");
            readsWhileRunning++;
            if (!wroteWhileRunning) {
                assertThat(api.post("/assets", "application/json", asset("villain", "prop")).statusCode())
                        .isEqualTo(201);
                wroteWhileRunning = true;
                HttpResponse<String> second = api.post("/assets/load", NDJSON, records(1));
                if (second.statusCode() == 409) {
                    assertThat(json(second).path("runningRun").asLong()).isEqualTo(id);
                    assertThat(json(second).path("detail").asString()).contains("run " + id + " is loading");
                } else { // only once the first has ended
                    assertThat(json(api.get("/runs/" + id)).path("status").asString()).isNotEqualTo("RUNNING");
                    api.awaitRun(json(second).path("id").asLong());
                }
            }
        }
        assertThat(readsWhileRunning).as("reads answered while the load ran").isPositive();
        assertThat(bytesRead).as("progress only grows").isSorted();
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.path("counts").path("registered").asLong()).isEqualTo(10_000);
        assertThat(run.path("progress").path("bytesRead").asLong())
                .isEqualTo(records.getBytes(StandardCharsets.UTF_8).length);
        assertThat(json(api.get("/assets?asset=villain&type=prop")).path("name").asString()).isEqualTo("villain");
    }

    @Test
    void contentAlreadyLoadedAnswersTheEarlierRunUnlessForcedAndADryRunRegistersNothing() {
        long first = json(api.post("/assets/load", "application/json", readSample())).path("id").asLong();
        api.awaitRun(first);

        HttpResponse<String> again = api.post("/assets/load", "application/json", readSample());
        HttpResponse<String> dryRun = api.post("/assets/load?dryRun=true", "application/json", readSample());
        JsonNode dry = api.awaitRun(json(dryRun).path("id").asLong());
        HttpResponse<String> forced = api.post("/assets/load?force=true", "application/json", readSample());
        JsonNode reloaded = api.awaitRun(json(forced).path("id").asLong());

        // then: as on the command line, a re-run is a no-op naming the earlier run; --dry-run and --force apply
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).hasValue("/runs/" + first);
        assertThat(json(again).path("id").asLong()).isEqualTo(first);
        assertThat(dryRun.statusCode()).isEqualTo(202);
        assertThat(dry.path("kind").asString()).isEqualTo("dry-run");
        assertThat(dry.path("progress").path("phase").asString()).isEqualTo("finished");
        assertThat(forced.statusCode()).isEqualTo(202);
        assertThat(reloaded.path("id").asLong()).isNotIn(first, dry.path("id").asLong());
        assertThat(reloaded.path("counts").path("unchanged").asLong()).isEqualTo(17);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isEqualTo(3);
    }

    @Test
    void aFileInUtf16IsRefusedWith422NamingItsEncoding() throws IOException {
        byte[] body = ("\uFEFF" + readSample()).getBytes(StandardCharsets.UTF_16LE);

        HttpResponse<String> posted = api.post("/assets/load", "application/json",
                HttpRequest.BodyPublishers.ofByteArray(body));

        assertThat(posted.statusCode()).isEqualTo(422);
        assertThat(json(posted).path("detail").asString())
                .contains("it is UTF-16LE text, and a load reads UTF-8 JSON").doesNotContain("spool");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
        assertThat(Files.list(SPOOL)).as("the spool file is gone").isEmpty();
    }

    @Test
    void aLoadIsRefusedAtOnceWith409WhileAnotherProcessLoadsIntoTheRegistry() throws IOException {
        // given: a load of another process, on another host, holds the registry (the command line would queue)
        long other = loads.startRun("load", "nightly.json", 10, Instant.now());
        loads.claimRun(other, "c0ffee", "4242@render-node-7");
        try {
            // when
            long started = System.nanoTime();
            HttpResponse<String> posted = api.post("/assets/load", "application/json", readSample());

            // then: refused without waiting, naming the run, and no run recorded for it
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(posted.statusCode()).isEqualTo(409);
            assertThat(json(posted).path("runningRun").asLong()).isEqualTo(other);
            assertThat(json(posted).path("detail").asString()).contains("run " + other + " is loading");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isEqualTo(1);
            assertThat(Files.list(SPOOL)).as("the spool file is gone").isEmpty();
        } finally {
            assertThat(loads.abandonRun(loads.findRun(other).orElseThrow())).isTrue();
        }
        assertThat(api.post("/assets/load", "application/json", readSample()).statusCode()).isEqualTo(202);
    }

    @Test
    void aVersionRecordPostedPrettyPrintedIsAddedAndTwoRecordsAre422() {
        assertThat(api.post("/assets", "application/json", """
                {"name": "hero", "type": "character",
                 "versions": [{"department": "modeling", "version": 1, "status": "active"}]}""").statusCode())
                .isEqualTo(201);

        HttpResponse<String> pretty = api.post("/assets/versions", "application/json", """
                {
                  "asset": {
                    "name": "hero",
                    "type": "character"
                  },
                  "department": "modeling",
                  "version": 2,
                  "status": "active"
                }
                """);
        HttpResponse<String> two = api.post("/assets/versions", "application/json", """
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 3, "status": "active"}
                {"asset": {"name": "hero", "type": "character"}, "department": "modeling", "version": 4, "status": "active"}
                """);

        assertThat(pretty.statusCode()).as(pretty.body()).isEqualTo(201);
        assertThat(two.statusCode()).isEqualTo(422);
        assertThat(json(two).path("violations").get(0).path("rule").asString()).isEqualTo("record.malformed");
        assertThat(json(two).path("violations").get(0).path("message").asString())
                .isEqualTo("the document must hold exactly one version record, a JSON object");
        assertThat(json(api.get("/assets/versions?asset=hero&type=character"))).hasSize(2);
    }

    @Test
    void aDryRunPostedWhileAnInterruptedLoadHoldsTheRegistryIs409SayingHowToResumeIt() throws Exception {
        // given: a load whose process on this host is gone (no process has that pid)
        long dead = loads.startRun("load", "nightly.json", 10, Instant.now());
        loads.claimRun(dead, "c0ffee", Long.MAX_VALUE + "@" + InetAddress.getLocalHost().getHostName());
        try {
            // when
            HttpResponse<String> posted = api.post("/assets/load?dryRun=true", "application/json", readSample());

            // then: not "loading, wait for it", which would never come true
            assertThat(posted.statusCode()).isEqualTo(409);
            JsonNode problem = json(posted);
            assertThat(problem.path("type").asString()).isEqualTo("/problems/load-interrupted");
            assertThat(problem.path("interruptedRun").asLong()).isEqualTo(dead);
            assertThat(problem.path("detail").asString()).startsWith("Cannot dry-run POST /assets/load")
                    .contains("run " + dead + ", an interrupted load of nightly.json, holds the registry")
                    .endsWith("load that content again to resume it, or load other content to abandon it (GET /runs/"
                            + dead + ")");
            assertThat(loads.findRun(dead).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        } finally {
            assertThat(loads.abandonRun(loads.findRun(dead).orElseThrow())).isTrue();
        }
    }

    @Test
    void anAddOfAVersionALoadInProgressHasWrittenIsRefusedWith409NamingTheLoad() {
        // given: a load of another process has written hero's modeling v1, not yet registered
        long other = loads.startRun("load", "nightly.json", 10, Instant.now());
        loads.claimRun(other, "c0ffee", "4242@render-node-7");
        loads.write(other, List.of(new StagedVersion(RecordPosition.ofNumber(1), new VersionedAsset(
                new AssetKey("hero", "character"), new AssetVersion("modeling", 1, "active")))));
        try {
            // when
            HttpResponse<String> posted = api.post("/assets", "application/json", """
                    {"name": "hero", "type": "character",
                     "versions": [{"department": "modeling", "version": 1, "status": "active"}]}""");

            // then: refused as busy, naming the load; not a 201 for a version no one can read yet
            assertThat(posted.statusCode()).isEqualTo(409);
            JsonNode problem = json(posted);
            assertThat(problem.path("type").asString()).isEqualTo("/problems/load-running");
            assertThat(problem.path("runningRun").asLong()).isEqualTo(other);
            assertThat(problem.path("detail").asString()).isEqualTo("Cannot add to hero/character now: run " + other
                    + ", a load in progress, is registering the same version; try again once it has ended (GET /runs/"
                    + other + ")");
            assertThat(api.get("/assets?asset=hero&type=character").statusCode()).isEqualTo(404);

            // and a next version of that asset, which only the load has: busy too, not "add it first"
            HttpResponse<String> next = api.post("/assets/versions", "application/json", """
                    {"asset": {"name": "hero", "type": "character"},
                     "department": "modeling", "version": 2, "status": "active"}""");
            assertThat(next.statusCode()).isEqualTo(409);
            assertThat(json(next).path("runningRun").asLong()).isEqualTo(other);
            assertThat(json(next).path("detail").asString()).isEqualTo("Cannot add to hero/character now: run "
                    + other + ", a load in progress, is registering this asset; try again once it has ended (GET"
                    + " /runs/" + other + ")");
        } finally {
            assertThat(loads.abandonRun(loads.findRun(other).orElseThrow())).isTrue();
        }
    }

    @Test
    void aSecondLoadWhileOneIsUnderWayIsRefusedWith409() throws Exception {
        byte[] sample = readSample().getBytes(StandardCharsets.UTF_8);
        try (Socket first = new Socket("127.0.0.1", port)) {
            // the first load's headers and the start of its body, the rest held back: it is being received
            OutputStream out = first.getOutputStream();
            out.write(("POST /assets/load HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + sample.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(sample, 0, 10);
            out.flush();
            // Give the server time to take the first request before probing: a probe that finds the slot free runs a
            // load, and a first request arriving during that load would be the one refused.
            HttpApi.pause(1_000);
            HttpResponse<String> second = null;
            for (int attempt = 0; attempt < 200; attempt++) { // until the server has begun receiving the first
                second = api.post("/assets/load?force=true", "application/json", "[]"); // the same content again
                if (second.statusCode() != 202) {
                    break;
                }
                api.awaitRun(json(second).path("id").asLong());
                HttpApi.pause(50);
            }

            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(second).path("detail").asString()).contains("another load is being received");

            out.write(sample, 10, sample.length - 10);
            out.flush();
            String answer = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 202");
            long id = json(answer.substring(answer.indexOf("\r\n\r\n") + 4).lines()
                    .filter(line -> line.startsWith("{")).findFirst().orElseThrow()).path("id").asLong();

            assertThat(api.awaitRun(id).path("status").asString()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void aMultipartUploadNeedsExactlyOneFileAsThePartNamedFile() {
        String boundary = "----" + UUID.randomUUID();
        String sample = readSample();

        HttpResponse<String> two = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                filePart(boundary, "file", "a.json", sample) + filePart(boundary, "file", "b.json", records(1))
                        + "--" + boundary + "--\r\n");
        HttpResponse<String> misnamed = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                filePart(boundary, "data", "a.json", sample) + "--" + boundary + "--\r\n");
        HttpResponse<String> another = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                filePart(boundary, "file", "a.json", sample) + filePart(boundary, "data", "b.json", records(1))
                        + "--" + boundary + "--\r\n");

        for (HttpResponse<String> refused : List.of(two, misnamed, another)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("parameter").asString()).isEqualTo("file");
            assertThat(json(refused).path("detail").asString())
                    .startsWith("the multipart body must hold exactly one file, as the part named file; it has ");
        }
        assertThat(json(two).path("detail").asString()).endsWith("2 parts named file");
        assertThat(json(misnamed).path("detail").asString()).endsWith("none named file, and a file named data");
        assertThat(json(another).path("detail").asString()).endsWith("a file named data too");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();

        // a form field it does not take: dry-run for dryRun would otherwise load for real
        HttpResponse<String> misspelt = api.post("/assets/load", "multipart/form-data; boundary=" + boundary,
                filePart(boundary, "file", "a.json", sample) + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"dry-run\"\r\n\r\ntrue\r\n--" + boundary
                        + "--\r\n");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(json(misspelt).path("parameter").asString()).isEqualTo("dry-run");
        assertThat(json(misspelt).path("detail").asString()).isEqualTo("unknown form field 'dry-run': an upload takes"
                + " the file as the part file, and force, dryRun");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
    }

    private static String filePart(String boundary, String name, String fileName, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/json\r\n\r\n" + content + "\r\n";
    }

    @Test
    void aMultipartBodyWithoutABoundaryOrCutShortIs400NotA500() {
        String part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n";

        HttpResponse<String> noBoundary = api.post("/assets/load", "multipart/form-data",
                part + readSample() + "\r\n--XYZ--\r\n");
        HttpResponse<String> cutShort = api.post("/assets/load", "multipart/form-data; boundary=XYZ",
                part + "{\"asset\":");

        for (HttpResponse<String> refused : List.of(noBoundary, cutShort)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(json(refused).path("detail").asString()).startsWith("the multipart body cannot be read: ");
        }
        assertThat(json(noBoundary).path("detail").asString()).contains("boundary");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
    }

    @Test
    void aQueryStringThatIsNotPercentEncodedUtf8Is400NotA500() {
        for (String target : List.of("/runs?limit=%zz", "/assets?cursor=%%%", "/assets?name=%C3%28")) {
            HttpApi.RawResponse answer = api.rawGet(target);

            assertThat(answer.status()).as(target).isEqualTo(400);
            assertThat(answer.contentType()).as(target).isEqualTo("application/problem+json");
            assertThat(json(answer.body()).path("detail").asString()).as(target)
                    .startsWith("the query string is not valid: ");
        }
        assertThat(json(api.rawGet("/runs?limit=%zz").body()).path("parameter").asString()).isEqualTo("limit");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aClientThatGoesAwayMidUploadIsLoggedInOneLineWithoutAStackTrace(CapturedOutput output) throws IOException {
        byte[] sample = readSample().getBytes(StandardCharsets.UTF_8);
        byte[] part = ("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        // the body, then a multipart upload, each cut off halfway by the client closing the connection
        goAwayMidUpload("Content-Type: application/json\r\nContent-Length: " + sample.length, sample);
        goAwayMidUpload("Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: " + (part.length
                + sample.length + 11), concat(part, sample));

        long deadline = System.nanoTime() + 20_000_000_000L;
        while (output.getOut().split("client went away", -1).length < 3 && !output.getOut().contains("Unexpected")
                && System.nanoTime() < deadline) {
            HttpApi.pause(50);
        }
        assertThat(output.getOut()).doesNotContain("Unexpected failure").doesNotContain("ClientAbortException")
                .doesNotContain("\tat ");
        assertThat(output.getOut().lines().filter(line -> line.contains("client went away")))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains(" INFO ").contains("POST /assets/load"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
        assertThat(spoolFilesOnceSettled()).as("the spool files are gone").isEmpty();
        assertThat(api.post("/assets/load", "application/json", readSample()).statusCode()).isEqualTo(202);
    }

    private void goAwayMidUpload(String headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /assets/load HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            HttpApi.pause(500);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void requestsTheServletContainerRefusesAreProblemsNotHtmlPages() {
        String longName = "a".repeat(10_000);
        Map<String, HttpApi.RawResponse> answers = new LinkedHashMap<>();
        answers.put("NUL in the path", api.rawGet("/runs/%00"));
        answers.put("encoded slash", api.rawGet("/runs/1%2F2"));
        answers.put("path above the root", api.rawGet("/../../etc/passwd"));
        answers.put("URL over 8 KB", api.rawGet("/runs?x=" + longName));
        answers.put("header over 8 KB", api.raw("GET /runs HTTP/1.1\r\nX-File-Name: " + longName, new byte[0]));
        answers.put("ESC in a header", api.raw("GET /runs HTTP/1.1\r\nX-File-Name: a\u001b[31mred.json",
                new byte[0]));

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what).isEqualTo(400);
            assertThat(answer.contentType()).as(what).isEqualTo("application/problem+json"); // as every other
            JsonNode problem = json(answer.body());
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(400);
            assertThat(problem.path("type").asString()).as(what).isEqualTo("/problems/bad-request");
            assertThat(problem.path("detail").asString()).as(what).startsWith("the request cannot be answered: ");
            assertThat(answer.body()).as(what).doesNotContain("<html").doesNotContain("Exception");
        });
        assertThat(json(answers.get("URL over 8 KB").body()).path("detail").asString())
                .isEqualTo("the request cannot be answered: Bad Request (Request header is too large)");
        assertThat(json(answers.get("header over 8 KB").body()).path("detail").asString())
                .isEqualTo("the request cannot be answered: Bad Request (Request header is too large)");
        assertThat(json(answers.get("ESC in a header").body()).path("detail").asString())
                .contains("does not conform to RFC 9112");
        // the path refused is the problem's instance, as it is every other problem's
        assertThat(json(answers.get("encoded slash").body()).path("instance").asString()).isEqualTo("/runs/1%2F2");
        assertThat(json(answers.get("ESC in a header").body()).path("instance").asString()).isEqualTo("/runs");

        // TRACE, which Tomcat refuses itself: typed as the API's own 405s are
        HttpApi.RawResponse trace = api.raw("TRACE /assets HTTP/1.1", new byte[0]);
        assertThat(trace.status()).isEqualTo(405);
        assertThat(json(trace.body()).path("type").asString()).isEqualTo("/problems/method-not-allowed");
    }

    @Test
    void aFileNameSentAsUtf8OrPercentEncodedIsTheRunsSourceAsTheClientWroteIt() {
        // HTTP header bytes reach Java as ISO-8859-1 characters: UTF-8 bytes read that way would be mojibake
        assertThat(sourceOfALoadNamed("h\u00e9ros_\ud83d\udc09.jsonl", 1))
                .isEqualTo("POST /assets/load h\u00e9ros_\ud83d\udc09.jsonl");
        assertThat(sourceOfALoadNamed("UTF-8''h%C3%A9ros%20%F0%9F%90%89.jsonl", 2))
                .isEqualTo("POST /assets/load h\u00e9ros \ud83d\udc09.jsonl");
        assertThat(sourceOfALoadNamed("nightly%20build.jsonl", 3)).as("a plain name is taken as it is")
                .isEqualTo("POST /assets/load nightly%20build.jsonl");
        assertThat(sourceOfALoadNamed("UTF-8''" + "a".repeat(199) + "%F0%9F%90%89%F0%9F%90%89.jsonl", 4))
                .as("cut after 200 characters, never inside one").isEqualTo("POST /assets/load " + "a".repeat(199)
                        + "\ud83d\udc09");
    }

    /** The run's source of a load of {@code records} records sent with {@code X-File-Name: name}, in UTF-8. */
    private String sourceOfALoadNamed(String name, int records) {
        HttpApi.RawResponse posted = api.raw("POST /assets/load HTTP/1.1\r\nContent-Type: application/x-ndjson\r\n"
                + "X-File-Name: " + name + "\r\nContent-Length: " + records(records).length(),
                records(records).getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        return api.awaitRun(json(posted.body()).path("id").asLong()).path("source").asString();
    }

    @Test
    void aCompressedBodyIs415AskingForItUncompressedAndStartsNoRun() throws IOException {
        var gzipped = new java.io.ByteArrayOutputStream();
        try (var gzip = new java.util.zip.GZIPOutputStream(gzipped)) {
            gzip.write(readSample().getBytes(StandardCharsets.UTF_8));
        }
        for (String path : List.of("/assets/load", "/assets")) {
            HttpResponse<String> posted = api.send(api.request(path).header("Content-Type", "application/json")
                    .header("Content-Encoding", "gzip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())).build());

            assertThat(posted.statusCode()).as(path).isEqualTo(415);
            assertThat(posted.headers().firstValue("Accept-Encoding")).as(path).hasValue("identity");
            assertThat(json(posted).path("detail").asString()).as(path)
                    .isEqualTo("Content-Encoding gzip is not taken: send the body as it is, uncompressed");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();
    }

    @Test
    void aBodyInAnotherCharsetThanUtf8Is415AndWritesNothing() {
        byte[] latin1 = asset("d\u00e9cor", "prop").getBytes(StandardCharsets.ISO_8859_1);
        for (String path : List.of("/assets", "/assets/load")) {
            HttpResponse<String> posted = api.send(api.request(path)
                    .header("Content-Type", path.equals("/assets") ? "application/json; charset=ISO-8859-1"
                            : "application/json; charset=\"ISO-8859-1\"")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());

            assertThat(posted.statusCode()).as(path).isEqualTo(415);
            assertThat(json(posted).path("detail").asString()).as(path).isEqualTo("charset ISO-8859-1 is not taken:"
                    + " the body is read as UTF-8, as JSON is (RFC 8259); send it in UTF-8, with charset=utf-8 or no"
                    + " charset");
        }
        HttpResponse<String> unknown = api.send(api.request("/assets")
                .header("Content-Type", "application/json; charset=bogus")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build());
        assertThat(unknown.statusCode()).isEqualTo(415);
        assertThat(json(unknown).path("detail").asString()).as("a charset Java does not know is named too")
                .startsWith("charset bogus is not taken: ");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_row", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();

        HttpResponse<String> utf8 = api.send(api.request("/assets").header("Content-Type", "application/json;charset=UTF8")
                .POST(HttpRequest.BodyPublishers.ofString(asset("d\u00e9cor", "prop"), StandardCharsets.UTF_8)).build());
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(201);
        HttpResponse<String> ascii = api.send(api.request("/assets")
                .header("Content-Type", "application/json; charset=us-ascii")
                .POST(HttpRequest.BodyPublishers.ofString(asset("lamp", "prop"), StandardCharsets.US_ASCII)).build());
        assertThat(ascii.statusCode()).as(ascii.body()).isEqualTo(201);
        HttpResponse<String> read = api.send(api.request("/assets/types")
                .header("Content-Type", "application/json; charset=ISO-8859-1").GET().build());
        assertThat(read.statusCode()).as("a read's declared charset is of no body").isEqualTo(200);
    }

    @Test
    void aLoadWithoutAContentTypeIs415ListingTheTypesItTakes() {
        HttpResponse<String> posted = api.send(api.request("/assets/load")
                .POST(HttpRequest.BodyPublishers.ofString(readSample())).build());

        assertThat(posted.statusCode()).isEqualTo(415);
        assertThat(posted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        String[] accepted = {"application/json", "application/x-ndjson", "application/jsonl", "multipart/form-data"};
        assertThat(json(posted).path("detail").asString()).startsWith("the body needs a Content-Type: one of ")
                .contains(accepted);
        assertThat(json(api.post("/assets/load", "text/plain", readSample())).path("detail").asString())
                .startsWith("Content-Type text/plain is not one this endpoint takes: ").contains(accepted);
    }

    @Test
    void aBodyWithNaNOrACommentIs400WithoutTheParsersAdviceToEnableAFeature() {
        HttpResponse<String> nan = api.post("/assets", "application/json", asset("a", "prop")
                .replace("\"version\": 1", "\"version\": NaN"));
        HttpResponse<String> comment = api.post("/assets", "application/json",
                "{\"name\": \"a\", /* c */ \"type\": 1}");

        for (HttpResponse<String> refused : List.of(nan, comment)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.body()).doesNotContain("enable").doesNotContain("Feature").doesNotContain("ALLOW_");
        }
        assertThat(json(nan).path("detail").asString())
                .isEqualTo("the body is not JSON: line 1, column 85: Non-standard token 'NaN': JSON has no NaN or"
                        + " Infinity");
        assertThat(json(nan).path("violations").get(0).path("message").asString())
                .isEqualTo("line 1, column 85: Non-standard token 'NaN': JSON has no NaN or Infinity");
        assertThat(json(comment).path("detail").asString()).isEqualTo("the body is not JSON: line 1, column 15:"
                + " Unexpected character ('/' (code 47)): JSON has no comments");
    }

    @Test
    void namesWithQuotesUnicodeAndMarkupRoundTripUnchanged() {
        String name = "<b>Dr\u00e1gon's \"fire\"</b> \ud83d\udc09 ' OR 1=1 --";
        HttpResponse<String> added = api.post("/assets", "application/json", asset(name, "prop")
                .replace("\"name\": \"" + name + "\"", "\"name\": " + quoted(name)));

        assertThat(added.statusCode()).isEqualTo(201);
        String location = added.headers().firstValue("Location").orElseThrow();
        JsonNode got = json(api.get(location));
        assertThat(got.path("name").asString()).isEqualTo(name);
        JsonNode listed = json(api.get("/assets?name=" + encode("<b>Dr\u00e1gon's")));
        assertThat(listed.path("items")).hasSize(1);
        assertThat(listed.path("items").get(0).path("name").asString()).isEqualTo(name);
        assertThat(json(api.get("/assets?name=" + encode("<B>"))).path("items")).as("the prefix is exact").isEmpty();
        assertThat(json(api.get("/assets/versions?asset=" + encode(name) + "&type=prop"))).hasSize(1);
    }

    @Test
    void assetsArePagedInNameOrderWithFilters() {
        for (String name : List.of("axe", "bow", "sword", "swords", "swing")) {
            api.post("/assets", "application/json", asset(name, "prop"));
        }
        api.post("/assets", "application/json", asset("sword", "character"));

        JsonNode first = json(api.get("/assets?limit=2"));
        assertThat(first.path("items").findValuesAsString("name")).containsExactly("axe", "bow");
        JsonNode rest = json(api.get("/assets?limit=1000&cursor=" + first.path("nextCursor").asString()));
        assertThat(rest.path("items").findValuesAsString("name"))
                .containsExactly("swing", "sword", "sword", "swords");
        assertThat(json(api.get("/assets?name=swo&type=prop")).path("items").findValuesAsString("name"))
                .containsExactly("sword", "swords");
    }

    @Test
    void aTypeDepartmentOrStatusNoAssetCanHaveIs400NamingTheParameterNotAnEmptyPage() {
        api.post("/assets", "application/json", asset("axe", "prop"));

        HttpResponse<String> type = api.get("/assets?type=props");
        assertThat(type.statusCode()).isEqualTo(400);
        assertThat(json(type).path("parameter").asString()).isEqualTo("type");
        assertThat(json(type).path("detail").asString()).isEqualTo("unknown type 'props': the types are character, "
                + "prop, set, environment, vehicle, dressing, fx");
        HttpResponse<String> department = api.get("/assets/versions?asset=axe&type=prop&department=lighting");
        assertThat(department.statusCode()).isEqualTo(400);
        assertThat(json(department).path("parameter").asString()).isEqualTo("department");
        HttpResponse<String> status = api.get("/assets/versions?asset=axe&type=prop&status=retired");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(status).path("parameter").asString()).isEqualTo("status");
        assertThat(json(api.get("/assets?type=set")).path("items")).as("a type known to the model").isEmpty();
    }

    @Test
    void anAssetDocumentThatHoldsNoRecordOrNoObjectIs422SayingSoNotNamingAFile() {
        HttpResponse<String> response = api.post("/assets", "application/json", "[]");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).path("violations").get(0).path("message").asString())
                .isEqualTo("the document holds no record");

        for (String body : new String[] {"null", "42"}) {
            HttpResponse<String> scalar = api.post("/assets", "application/json", body);

            assertThat(scalar.statusCode()).as(body).isEqualTo(422);
            assertThat(json(scalar).path("violations").get(0).path("message").asString()).as(body)
                    .startsWith("the document holds ").endsWith(", not a JSON object").doesNotContain("file");
        }
    }

    @Test
    void anUnknownPathIsAProblemNotAnErrorPage() {
        HttpResponse<String> response = api.get("/nothing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).doesNotContain("Whitelabel").doesNotContain("Exception");

        HttpResponse<String> errorPage = api.get("/error"); // the error page, asked for itself: nothing, not a 500
        assertThat(errorPage.statusCode()).isEqualTo(404);
        assertThat(json(errorPage).path("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void anAssetWhoseDocumentRepeatsAVersionIs422AtItsPathAndOneRegisteredAlreadyIs409() {
        String repeated = "{\"name\": \"dv\", \"type\": \"prop\", \"versions\": ["
                + "{\"department\": \"fx\", \"version\": 1, \"status\": \"active\"},"
                + "{\"department\": \"fx\", \"version\": 1, \"status\": \"active\"}]}";

        HttpResponse<String> refused = api.post("/assets", "application/json", repeated);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused.body()).path("violations").get(0).path("field").asString())
                .isEqualTo("versions[1].version");
        assertThat(api.post("/assets", "application/json", asset("dv", "prop")).statusCode()).isEqualTo(201);
        assertThat(api.post("/assets", "application/json", asset("dv", "prop")).statusCode()).isEqualTo(409);
    }

    @Test
    void aTrailingSlashIsNamedInTheNotFoundProblem() {
        HttpResponse<String> response = api.get("/assets/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("there is nothing at /assets/;");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aHealthPathThatNamesNoComponentIsA404ProblemAndOneThatDoesAnswers(CapturedOutput output) {
        assertThat(api.get("/actuator/health/db").statusCode()).isEqualTo(200);
        assertThat(api.get("/actuator/health/d%62").statusCode()).as("percent-encoded").isEqualTo(200);
        for (String path : new String[] {"/actuator/health/nosuch", "/actuator/health/db/x", "/actuator/health/a/b"}) {
            HttpResponse<String> response = api.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            assertThat(response.body()).as(path).contains("there is nothing at " + path);
        }
        assertThat(output).doesNotContain("IllegalStateException").doesNotContain("ERROR");
    }

    @Test
    void aWriteAPageOfAnotherSiteMakesABrowserSendIsRefusedAndOneOfThisServersOwnPasses() {
        String sample = "{\"asset\": {\"name\": \"csrf\", \"type\": \"prop\"}, \"department\": \"fx\","
                + " \"version\": 1, \"status\": \"active\"}\n";
        byte[] body = sample.getBytes(StandardCharsets.UTF_8);
        String post = "POST /assets/load HTTP/1.1\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + body.length;

        // a fetch or form of another site: the browser says where it comes from
        HttpApi.RawResponse fromElsewhere = api.raw(post + "\r\nOrigin: https://evil.example", body);
        HttpApi.RawResponse crossSite = api.raw(post + "\r\nSec-Fetch-Site: cross-site", body);
        HttpApi.RawResponse sandboxed = api.raw(post + "\r\nOrigin: null", body);
        for (HttpApi.RawResponse refused : List.of(fromElsewhere, crossSite, sandboxed)) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(json(refused.body()).path("type").asString()).isEqualTo("/problems/cross-site");
        }
        assertThat(json(fromElsewhere.body()).path("detail").asString()).startsWith("a write from a web page of"
                + " another site (\"https://evil.example\") is refused");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM load_run", Long.class)).isZero();

        // a name an attacker points at 127.0.0.1: reads refused too
        HttpApi.RawResponse rebound = api.raw("GET /assets HTTP/1.1\r\nHost: evil.example:" + port, new byte[0]);
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(json(rebound.body()).path("detail").asString()).startsWith("the request names the host"
                + " \"evil.example:" + port + "\", not this server");

        // this server's own page, and a client that is no browser
        HttpApi.RawResponse own = api.raw(post + "\r\nOrigin: http://127.0.0.1:" + port
                + "\r\nSec-Fetch-Site: same-origin\r\nHost: 127.0.0.1:" + port, body);
        assertThat(own.status()).isEqualTo(202);
        assertThat(api.rawGet("/assets").status()).isEqualTo(200);
        assertThat(api.raw("GET /assets HTTP/1.1\r\nHost: localhost:" + port, new byte[0]).status()).isEqualTo(200);
        assertThat(api.raw("GET /assets HTTP/1.1\r\nHost: [::1]:" + port, new byte[0]).status()).isEqualTo(200);
    }

    @Test
    void withoutTokensTheApiIsOpenForReadsAndWrites() {
        assertThat(api.get("/rules").statusCode()).isEqualTo(200);
        assertThat(api.post("/assets", "application/json", asset("open", "prop")).statusCode()).isEqualTo(201);
    }

    static String asset(String name, String type) {
        return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"versions\": ["
                + "{\"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}]}";
    }

    private static String quoted(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
    }

    /** {@code count} valid records of distinct assets, one per line. */
    static String records(int count) {
        var out = new StringBuilder(count * 100);
        for (int i = 0; i < count; i++) {
            out.append("{\"asset\": {\"name\": \"asset_").append(i).append("\", \"type\": \"prop\"}, ")
                    .append("\"department\": \"modeling\", \"version\": 1, \"status\": \"active\"}\n");
        }
        return out.toString();
    }

    static String readSample() {
        try {
            return Files.readString(Path.of("data/asset_data.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spool directory's files, once empty or after 10 s. */
    private static List<Path> spoolFilesOnceSettled() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Stream<Path> files = Files.list(SPOOL)) {
                List<Path> left = files.toList();
                if (left.isEmpty() || System.nanoTime() > deadline) {
                    return left;
                }
            }
            HttpApi.pause(20);
        }
    }
}
