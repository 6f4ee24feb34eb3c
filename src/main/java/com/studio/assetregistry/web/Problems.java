package com.studio.assetregistry.web;

import com.studio.assetregistry.validation.Violation;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem details the API answers with (RFC 9457): a {@code type} per kind of problem under
 * {@code /problems/}, a title, a detail a person can act on, and where rules apply, {@code violations}.
 */
final class Problems {

    /** The property listing every broken rule as {@code {rule, field, message}}. */
    static final String VIOLATIONS = "violations";

    private Problems() {
    }

    /**
     * The type of a problem known only by its status, as the servlet container or the error page answer it: the
     * type the API's own answers give that status ({@code not-found} for 404, {@code method-not-allowed} for 405...),
     * else {@code internal} for a 5xx and {@code bad-request}.
     */
    static String typeOf(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    static ProblemDetail of(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("/problems/" + type));
        return problem;
    }

    static ProblemDetail withViolations(HttpStatus status, String type, String detail, List<Violation> violations) {
        ProblemDetail problem = of(status, type, detail);
        problem.setProperty(VIOLATIONS, violations);
        return problem;
    }

    /** A bad query parameter or path variable: the problem names it in {@code parameter}. */
    static ProblemDetail badParameter(String parameter, String detail) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "bad-parameter", detail);
        problem.setProperty("parameter", parameter);
        return problem;
    }
}
