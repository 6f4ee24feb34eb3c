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
