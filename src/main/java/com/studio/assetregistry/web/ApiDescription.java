package com.studio.assetregistry.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI description ({@code /v3/api-docs}): its info block, and the answers every operation shares, so
 * that a controller declares only its own. Every 4xx and 5xx answer is a problem detail
 * ({@code application/problem+json}, the {@code ProblemDetail} schema), as {@link ProblemHandler} and the filters
 * write them. Any operation can fail with a 500; one with parameters answers a bad one with a 400; every POST answers
 * a body over its size limit with a 413, and a {@code Content-Encoding} or a media type it does not take with a 415;
 * with a token configured ({@code registry.api.token}, {@code registry.api.read-token}), the operations it guards
 * answer a missing or wrong one with a 401.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDescription {

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String PROBLEM = "ProblemDetail";
    private static final String VIOLATION = "Violation";
    private static final String BEARER = "bearer";

    @Bean
    OpenAPI apiInfo() {
        String version = ApiDescription.class.getPackage().getImplementationVersion();
        return new OpenAPI().info(new Info().title("asset-registry")
                .version(version == null ? "development build" : version)
                .description("Validates and registers the versions of the animation pipeline's assets: loads files of"
                        + " version records, adds assets and versions, and answers what is registered and what each"
                        + " run rejected."));
    }

    @Bean
    OpenApiCustomizer sharedAnswers(ApiProperties properties) {
        boolean writesGuarded = properties.token() != null;
        boolean readsGuarded = properties.readToken() != null;
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            api.setComponents(components);
            components.addSchemas(VIOLATION, violation()).addSchemas(PROBLEM, problemDetail());
            if (writesGuarded || readsGuarded) {
                components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("registry.api.token for writes; registry.api.read-token"
                                + " (or the write token) for reads, when it is set"));
            }
            api.getPaths().values().forEach(item -> item.readOperationsMap().forEach((method, operation) -> {
                boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                        && method != PathItem.HttpMethod.OPTIONS;
                addShared(operation, write, write ? writesGuarded : readsGuarded);
            }));
        };
    }

    private static void addShared(Operation operation, boolean write, boolean guarded) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        // every operation: a query parameter it does not take, or one given twice, is refused (QueryParameters)
        responses.putIfAbsent("400", answer("a query parameter or path variable is missing or not valid, one the"
                + " operation does not take, or one given twice: parameter names it (/problems/bad-parameter)"));
        if (guarded) {
            responses.putIfAbsent("401", answer("no bearer token, or not a valid one (/problems/unauthorized);"
                    + " WWW-Authenticate: Bearer"));
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        if (write) {
            responses.putIfAbsent("406", answer("the Accept header takes no JSON: refused before anything is"
                    + " written (/problems/not-acceptable)"));
            responses.putIfAbsent("413", answer("the body is larger than its limit (registry.api.max-body-size,"
                    + " or max-load-size for a load); nothing is registered (/problems/too-large)"));
            responses.putIfAbsent("415", answer("the Content-Type is not one this operation takes, or the body"
                    + " has a Content-Encoding: send it as it is (/problems/unsupported-media-type)"));
        }
        responses.putIfAbsent("500", answer("an unexpected failure: the server's log has the cause"
                + " (/problems/internal)"));
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        sorted.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        operation.setResponses(sorted);
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description);
    }

    /** RFC 9457's members as {@link Problems} fills them, and the properties this API adds. */
    private static Schema<?> problemDetail() {
        return object("A problem detail (RFC 9457): what went wrong, one sentence a person can act on in detail")
                .addProperty("type", string("/problems/<kind>: rules-broken, conflict, not-json, bad-parameter,"
                        + " not-found, load-running, too-large, unauthorized, ...").format("uri-reference"))
                .addProperty("title", string("the HTTP status's reason phrase"))
                .addProperty("status", typed("integer", "the HTTP status code").format("int32"))
                .addProperty("detail", string("what went wrong and what to do"))
                .addProperty("instance", string("the path asked for").format("uri-reference"))
                .addProperty("violations", typed("array", "a refused add: every rule it broke")
                        .items(new Schema<>().$ref("#/components/schemas/" + VIOLATION)))
                .addProperty("parameter", string("a bad query parameter or path variable: its name"))
                .addProperty("runningRun", typed("integer", "a load refused with 409: the run that is loading")
                        .format("int64"));
    }

    private static Schema<?> violation() {
        return object("A rule a record or document broke")
                .addProperty("rule", string("the rule id, e.g. version.sequence"))
                .addProperty("field", string("the field, as its path in the document, e.g. versions[1].status"))
                .addProperty("message", string("what is wrong"));
    }

    private static Schema<Object> object(String description) {
        return typed("object", description);
    }

    private static Schema<Object> string(String description) {
        return typed("string", description);
    }

    /** A schema of one type, for OpenAPI 3.1 ({@code types}) as for 3.0 ({@code type}). */
    private static Schema<Object> typed(String type, String description) {
        Schema<Object> schema = new Schema<>();
        schema.type(type).addType(type);
        return schema.description(description);
    }
}
