package com.studio.assetregistry.web;

import com.studio.assetregistry.ingest.InputEncodingException;
import com.studio.assetregistry.ingest.InputFileException;
import com.studio.assetregistry.ingest.InterruptedLoadException;
import com.studio.assetregistry.ingest.JsonSyntaxMessages;
import com.studio.assetregistry.ingest.LoadException;
import com.studio.assetregistry.ingest.RegistryBusyException;
import com.studio.assetregistry.registry.AssetNotFoundException;
import com.studio.assetregistry.registry.AssetValidationException;
import com.studio.assetregistry.registry.UnknownValueException;
import com.studio.assetregistry.storage.DatabaseFailures;
import com.studio.assetregistry.validation.Violation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.SocketTimeoutException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure to a problem detail (RFC 9457, {@code application/problem+json}): Spring MVC's own (unknown
 * path, wrong method or media type) through {@link ResponseEntityExceptionHandler}, the registry's by what they mean.
 * A refused add lists every violation; a conflict with what is registered is a 409, any other broken rule a 422; a
 * body that is not JSON is a 400 saying where it broke, a query string or multipart body the servlet container cannot
 * parse a 400 (413 over the size limit). An unexpected failure is a 500 with no stack trace. A client that went away
 * mid-request is not a failure of the server: one line in the log, and no answer, as there is nobody to read it.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Rules whose breaking means the body is not a JSON document at all: 400. */
    private static final Set<String> NOT_JSON = Set.of("json.syntax");
    /** How Tomcat names the parameter it could not decode, in English: {@code ... Parameter [limit] with value ...}. */
    private static final Pattern UNDECODED = Pattern.compile("Parameter \\[([A-Za-z][A-Za-z0-9]*)\\]");

    private final long maxLoad;

    ProblemHandler(ApiProperties properties) {
        this.maxLoad = properties.maxLoadSize().toBytes();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(AssetValidationException e) {
        List<Violation> violations = e.violations();
        var notJson = violations.stream().filter(v -> NOT_JSON.contains(v.rule())).findFirst();
        if (notJson.isPresent()) {
            return answer(Problems.withViolations(HttpStatus.BAD_REQUEST, "not-json",
                    "the body is not JSON: " + notJson.get().message(), violations));
        }
        if (e.conflict()) {
            return answer(Problems.withViolations(HttpStatus.CONFLICT, "conflict",
                    violations.get(0).message(), violations));
        }
        return answer(Problems.withViolations(HttpStatus.UNPROCESSABLE_CONTENT, "rules-broken",
                violations.size() == 1 ? "it breaks a rule: " + violations.get(0).message()
                        : "it breaks " + violations.size() + " rules; every one is listed in violations",
                violations));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(AssetNotFoundException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.asset()
                + " is not registered; add it with POST /assets first"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badParameter(BadParameterException e) {
        return answer(Problems.badParameter(e.parameter(), e.getMessage()));
    }

    /** A filter value no asset or version can have: most likely mistyped, which an empty answer would hide. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownValue(UnknownValueException e) {
        return answer(Problems.badParameter(e.field(), e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(LoadLauncher.LoadBusyException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "load-running", e.getMessage());
        if (e.runId() > 0) {
            problem.setProperty("runningRun", e.runId());
        }
        return answer(problem);
    }

    /**
     * Another process loads into the registry: refused as a load of this server's own would be, not waited for. Or an
     * add gives a version that a load in progress has written, and says so itself.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> busy(RegistryBusyException e, HandlerMethod handler) {
        long running = e.runningRunId();
        String detail = handler.getBeanType() != LoadController.class ? e.getMessage()
                : (running > 0 ? "run " + running : "another load")
                        + " is loading into this registry; post this load when it has ended";
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "load-running",
                running > 0 ? detail + " (GET /runs/" + running + ")" : detail);
        if (running > 0) {
            problem.setProperty("runningRun", running);
        }
        return answer(problem);
    }

    /** A dry run refused, as an interrupted load holds the registry: waiting would not help, and the detail says so. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> interrupted(InterruptedLoadException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "load-interrupted", e.getMessage() + " (GET /runs/"
                + e.interruptedRunId() + ")");
        problem.setProperty("interruptedRun", e.interruptedRunId());
        return answer(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(BodySizeFilter.BodyTooLargeException e) {
        return answer(BodySizeFilter.tooLarge(e.limit()));
    }

    /**
     * Tomcat could not parse the request's parameters, which it does on the first read of one: a multipart body over
     * the size limit (sent without a length, so the size filter could not refuse it first), without a boundary or cut
     * short, or a query string that is not percent-encoded UTF-8 ({@code %zz}, {@code %C3%28}).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unparsableParameters(InvalidParameterException e, HttpServletRequest request) {
        if (clientWentAway(e, request)) {
            return null;
        }
        FileUploadException multipart = cause(e, FileUploadException.class);
        if (multipart != null && e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return answer(BodySizeFilter.tooLarge(maxLoad));
        }
        if (multipart != null) {
            return answer(Problems.badParameter("file", "the multipart body cannot be read: "
                    + rootCause(multipart).getMessage()));
        }
        Matcher named = UNDECODED.matcher(String.valueOf(e.getMessage()));
        String detail = "the query string is not valid: ";
        return answer(named.find()
                ? Problems.badParameter(named.group(1), detail + "the value of " + named.group(1)
                        + " is not percent-encoded UTF-8 (RFC 3986)")
                : Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", detail
                        + "its parameters must be percent-encoded UTF-8 (RFC 3986)"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unusableInput(InputFileException e) {
        return answer(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unusable-input", e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unusableEncoding(InputEncodingException e) {
        return answer(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "unusable-input", e.getMessage()));
    }

    /**
     * A load that cannot start for a cause on the server's side: its reports directory, or its spool file, is not
     * what a load needs. Not the client's to retry: a 500, which the server's log names too.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> loadRefused(LoadException e) {
        log.error("A load cannot start: {}", e.getMessage());
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "load-refused", e.getMessage()));
    }

    /**
     * The database cannot answer: a 503 the client may retry. A lock held by another process past the wait (a load
     * of another process, a {@code sqlite3} shell, a backup), and a database server that cannot be reached (stopped,
     * restarting, its network down), are said so, in one log line each; any other failure, which may be a bug, is
     * logged with its stack trace. A transaction that could not begin is one of these too.
     */
    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> database(RuntimeException e) {
        if (DatabaseFailures.lockedOut(e)) {
            log.warn("The registry's database is locked by another process past the wait; answered 503: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable", "the registry's"
                    + " database is locked by another process (a load, a backup, a sqlite3 shell); try again"));
        }
        if (DatabaseFailures.unreachable(e)) {
            log.warn("The registry's database cannot be reached; answered 503: {}",
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
                    "the registry's database cannot be reached now; try again"));
        }
        log.error("Database failure", e);
        return answer(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "registry-unavailable",
                "the registry's database cannot answer now; try again"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        BodySizeFilter.BodyTooLargeException tooLarge = cause(e, BodySizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        if (clientWentAway(e, request)) {
            return null;
        }
        log.error("Unexpected failure", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "the server failed to answer; its log says why"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodySizeFilter.BodyTooLargeException tooLarge = cause(e, BodySizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return objectAnswer(BodySizeFilter.tooLarge(tooLarge.limit()));
        }
        if (request instanceof NativeWebRequest nativeRequest
                && clientWentAway(e, nativeRequest.getNativeRequest(HttpServletRequest.class))) {
            return null;
        }
        JacksonException json = cause(e, JacksonException.class);
        String where = json == null || json.getLocation() == null ? ""
                : " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr();
        String what = json == null ? "the body is missing or unreadable"
                : JsonSyntaxMessages.of(json);
        return objectAnswer(Problems.of(HttpStatus.BAD_REQUEST, "not-json", "the body is not JSON" + where + ": "
                + what));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String accepted = listed(e.getSupportedMediaTypes());
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                e.getContentType() == null ? "the body needs a Content-Type: one of " + accepted
                        : "Content-Type " + e.getContentType() + " is not one this endpoint takes: " + accepted);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "it";
        // in the same order every time: the mapping's set of methods has none of its own
        Set<HttpMethod> methods = e.getSupportedHttpMethods() == null ? Set.of()
                : e.getSupportedHttpMethods().stream().sorted(Comparator.comparing(HttpMethod::name))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        HttpHeaders answer = new HttpHeaders();
        answer.putAll(headers);
        if (!methods.isEmpty()) {
            answer.setAllow(methods);
        }
        String allowed = methods.isEmpty() ? "" : ": " + methods.stream().map(HttpMethod::name)
                .collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMethod()
                + " is not a method " + path + " takes" + allowed);
        return ResponseEntity.status(problem.getStatus()).headers(answer).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "the request's Accept header takes none of what this endpoint answers in: "
                        + listed(e.getSupportedMediaTypes()));
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static String listed(List<MediaType> mediaTypes) {
        return mediaTypes.stream().map(MediaType::toString).collect(Collectors.joining(", "));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // the path as asked: the exception's own drops a trailing slash, and /assets/ is not /assets
        String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : "/" + e.getResourcePath();
        return objectAnswer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "there is nothing at " + path
                + "; the endpoints are described at /v3/api-docs"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return objectAnswer(Problems.badParameter(e.getParameterName(), "the query parameter "
                + e.getParameterName() + " is required"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        String type = e.getRequiredType() == null ? "a value it takes"
                : switch (e.getRequiredType().getSimpleName()) {
                    case "Integer", "int", "Long", "long" -> "an integer";
                    case "Boolean", "boolean" -> "true or false";
                    default -> "a " + e.getRequiredType().getSimpleName();
                };
        return objectAnswer(Problems.badParameter(name, name + " must be " + type + ", not \"" + e.getValue() + "\""));
    }

    /**
     * Whether {@code e} says the client went away: it closed the connection mid-request, or stopped sending until the
     * read timed out. If so, logs one line, without the stack trace: it is the client's doing, not the server's, and
     * the caller answers nothing ({@code null}), as there is nobody to read it.
     */
    private static boolean clientWentAway(Throwable e, HttpServletRequest request) {
        if (!DisconnectedClientHelper.isClientDisconnectedException(e)
                && cause(e, SocketTimeoutException.class) == null) {
            return false;
        }
        log.info("{} {} was not answered: the client went away or stopped sending before the request ended ({})",
                request == null ? "" : request.getMethod(), request == null ? "" : request.getRequestURI(),
                rootCause(e).toString());
        return true;
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> objectAnswer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        return ExceptionUtils.throwableOfType(failure, type);
    }
}
