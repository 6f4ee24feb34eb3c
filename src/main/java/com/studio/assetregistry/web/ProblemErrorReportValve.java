package com.studio.assetregistry.web;

import com.studio.assetregistry.validation.MessageText;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's error report, as a problem detail in place of its HTML page, for the requests Tomcat refuses before the
 * application sees them: a path with NUL or an encoded slash, a path above the root, a request line or header over
 * Tomcat's size limit, a control character in a header. Errors the application answers have their body already and
 * are left alone. The host's one error report valve ({@link TomcatErrorReportCustomizer}). Thread-safe.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        String why = response.getMessage();
        if ((why == null || why.isBlank()) && throwable instanceof IllegalArgumentException
                && !code.is5xxServerError()) {
            why = throwable.getMessage(); // Tomcat's parser says what it refused: a header too large, say
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(code, code.is5xxServerError()
                ? "the server failed to answer; its log says why" : "the request cannot be answered: " + reason(code)
                        + (why == null || why.isBlank() ? "" : " (" + MessageText.printable(why) + ")"));
        problem.setType(URI.create("/problems/" + Problems.typeOf(status)));
        instance(request).ifPresent(problem::setInstance);
        try {
            // bytes, not Tomcat's writer, which adds a charset parameter: answered as Spring MVC answers every other
            // problem (JSON is UTF-8, RFC 8259)
            byte[] body = json.writeValueAsBytes(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to answer
        }
    }

    /** The path refused, as every problem names its request's: not when the request line itself was refused. */
    private static Optional<URI> instance(Request request) {
        String path = request.getRequestURI();
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(path)); // as the client sent it, percent-encoded
        } catch (URISyntaxException notAsSent) {
            try {
                return Optional.of(new URI(null, null, path, null)); // quoting what a URI may not hold as it is
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
        }
    }

    private static String reason(HttpStatusCode code) {
        HttpStatus known = HttpStatus.resolve(code.value());
        return known == null ? "status " + code.value() : known.getReasonPhrase();
    }
}
