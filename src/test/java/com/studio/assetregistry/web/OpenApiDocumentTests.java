package com.studio.assetregistry.web;

import static com.studio.assetregistry.web.HttpApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at {@code /v3/api-docs} agrees with the README and with what the server answers: the
 * success codes, the problem details of the errors, the request bodies' shapes, as a client generated from it or
 * Swagger UI would use them. The real server on a random port, with no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class OpenApiDocumentTests {

    private static final Path WORK_DIR = HttpApi.workDir("asset-registry-openapi-test");
    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    private int port;

    private HttpApi api;
    private JsonNode docs;

    @DynamicPropertySource
    static void registryProperties(DynamicPropertyRegistry registry) {
        HttpApi.registryIn(WORK_DIR, registry);
    }

    @BeforeEach
    void fetchTheDescription() {
        api = new HttpApi(port);
        HttpResponse<String> answer = api.get("/v3/api-docs");
        assertThat(answer.statusCode()).isEqualTo(200);
        docs = json(answer);
    }

    @Test
    void namesTheApi() {
        assertThat(docs.path("info").path("title").asString()).isEqualTo("asset-registry");
        assertThat(docs.path("info").path("version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(docs.path("info").path("description").asString()).isNotBlank();
    }

    @Test
    void listingAssetsNeedsNoParameterAndOneAssetIsAskedForWithAssetAndType() {
        JsonNode get = operation("/assets", "get");

        for (String name : List.of("asset", "type", "name", "limit", "cursor")) {
            assertThat(parameter(get, name).path("required").asBoolean(false)).as(name + " is not required").isFalse();
        }
        assertThat(get.path("description").asString()).contains("asset").contains("type").contains("page");
        assertThat(get.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("oneOf")).hasSize(2);
        assertProblem(get, "404");
        assertProblem(get, "400");
    }

    @Test
    void addsAnswer201WithALocationAndALoadAnswers202OrItsEarlierRunWith200() {
        for (String path : List.of("/assets", "/assets/versions")) {
            JsonNode created = operation(path, "post").path("responses").path("201");
            assertThat(created.isMissingNode()).as(path + " answers 201").isFalse();
            assertThat(created.path("headers").has("Location")).as(path + " 201 has a Location").isTrue();
            assertThat(created.path("content").has("application/json")).isTrue();
            assertThat(operation(path, "post").path("responses").has("200")).as(path + " never answers 200").isFalse();
        }
        JsonNode load = operation("/assets/load", "post").path("responses");
        for (String code : List.of("202", "200")) {
            assertThat(load.path(code).path("headers").has("Location")).as("load " + code + " has a Location").isTrue();
            assertThat(load.path(code).path("content").path("application/json").path("schema").path("$ref")
                    .asString()).endsWith("/RunStatus");
        }
        for (String name : List.of("force", "dryRun")) { // optional switches, false unless given
            JsonNode parameter = parameter(operation("/assets/load", "post"), name);
            assertThat(parameter.path("required").asBoolean(false)).as(name + " is not required").isFalse();
            assertThat(parameter.path("schema").path("type").asString()).isEqualTo("boolean");
            assertThat(parameter.path("schema").path("default").asBoolean(true)).as(name + " defaults to false")
                    .isFalse();
        }
    }

    @Test
    void errorsAreProblemDetailsWhereTheReadmeListsThem() {
        assertProblem(operation("/assets", "post"), "400", "406", "409", "413", "415", "422");
        assertProblem(operation("/assets/versions", "post"), "400", "404", "406", "409", "413", "415", "422");
        assertProblem(operation("/assets/load", "post"), "400", "406", "409", "413", "415", "422");
        assertProblem(operation("/rules", "get"), "400"); // no parameter, yet one it does not take is refused
        assertProblem(operation("/assets/overview", "get"), "404");
        assertProblem(operation("/assets/versions", "get"), "404");
        assertProblem(operation("/runs/{id}", "get"), "404");
        assertProblem(operation("/runs/{id}/rejects", "get"), "404");
        assertProblem(operation("/runs/{id}/rejects.jsonl", "get"), "404");
        assertThat(operation("/rules", "get").path("responses").has("401")).as("no token, no 401").isFalse();

        JsonNode problem = docs.path("components").path("schemas").path("ProblemDetail");
        assertThat(problem.path("properties").has("detail")).isTrue();
        assertThat(problem.path("properties").path("violations").path("items").path("$ref").asString())
                .endsWith("/Violation");
    }

    @Test
    void successesAreJsonAndTheReportFileNdjson() {
        List<String> anyType = new ArrayList<>();
        docs.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response -> {
                    if (response.getValue().path("content").has("*/*")) {
                        anyType.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                })));
        assertThat(anyType).as("answers of any type").isEmpty();
        assertThat(operation("/rules", "get").path("responses").path("200").path("content").has("application/json"))
                .isTrue();
        assertThat(operation("/runs/{id}/rejects.jsonl", "get").path("responses").path("200").path("content")
                .has("application/x-ndjson")).isTrue();
    }

    @Test
    void addsTakeJsonObjectsNotBase64() {
        JsonNode asset = operation("/assets", "post").path("requestBody").path("content");
        assertThat(asset.toString()).doesNotContain("\"byte\"");
        assertThat(resolve(asset.path("application/json").path("schema").path("oneOf").get(0)).path("properties")
                .has("versions")).isTrue();
        assertThat(resolve(asset.path("application/x-ndjson").path("schema")).path("properties").has("asset"))
                .isTrue();

        JsonNode version = operation("/assets/versions", "post").path("requestBody").path("content")
                .path("application/json").path("schema");
        assertThat(version.toString()).doesNotContain("\"byte\"");
        JsonNode record = resolve(version);
        assertThat(record.path("type").asString()).isEqualTo("object");
        assertThat(record.path("properties").has("asset")).isTrue();
        assertThat(record.path("properties").has("department")).isTrue();
    }

    @Test
    void aLoadTakesTheFileAsTheBodyOrAsTheMultipartPartFile() {
        JsonNode content = operation("/assets/load", "post").path("requestBody").path("content");

        for (String type : List.of("application/json", "application/x-ndjson", "application/jsonl")) {
            assertThat(content.path(type).path("schema").path("type").asString()).as(type).isEqualTo("string");
            assertThat(content.path(type).path("schema").path("format").asString()).as(type).isEqualTo("binary");
        }
        JsonNode form = content.path("multipart/form-data").path("schema");
        assertThat(form.path("required").toString()).contains("\"file\"");
        assertThat(form.path("properties").path("file").path("type").asString()).isEqualTo("string");
        assertThat(form.path("properties").path("file").path("format").asString()).isEqualTo("binary");
    }

    @Test
    void aRejectsRecordIsAnyJsonValueNotAString() {
        JsonNode record = docs.path("components").path("schemas").path("ReportedReject").path("properties")
                .path("record");

        assertThat(record.isMissingNode()).isFalse();
        assertThat(record.has("type")).as("any JSON value: " + record).isFalse();
        assertThat(record.path("description").asString()).isNotBlank();
    }

    @Test
    void oneAssetWithoutItsTypeIsStillABadParameter() {
        JsonNode problem = json(api.get("/assets?asset=zzz"));

        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("parameter").asString()).isEqualTo("type");
        assertThat(problem.path("detail").asString()).isEqualTo("the query parameter type is required");
    }

    @Test
    void everyOperationHasANameAClientCanUse() {
        var ids = new ArrayList<String>();
        for (var path : docs.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                ids.add(operation.getValue().path("operationId").asString());
            }
        }

        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z]+([A-Z][a-z]+)+"), "camelCase")
                .contains("getAssets", "addAsset", "loadFile", "getRun", "listRunRejects", "getRunReport",
                        "listVersions", "addVersion", "listRules");
    }

    private JsonNode operation(String path, String method) {
        JsonNode operation = docs.path("paths").path(path).path(method);
        assertThat(operation.isMissingNode()).as(method + " " + path + " is described").isFalse();
        return operation;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private void assertProblem(JsonNode operation, String... codes) {
        for (String code : codes) {
            JsonNode response = operation.path("responses").path(code);
            assertThat(response.isMissingNode()).as(operation.path("summary").asString() + " answers " + code)
                    .isFalse();
            assertThat(response.path("content").propertyNames()).as(code).containsExactly(PROBLEM_JSON);
            assertThat(response.path("content").path(PROBLEM_JSON).path("schema").path("$ref").asString())
                    .endsWith("/ProblemDetail");
        }
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema
                : docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
