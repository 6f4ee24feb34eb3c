package com.studio.assetregistry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer-token access: with {@code registry.api.token} set, a write (any method but GET, HEAD and OPTIONS) needs
 * {@code Authorization: Bearer <token>}; with {@code registry.api.read-token} set, a read needs it or the write
 * token. Without them, the API is open: it binds to 127.0.0.1 unless told otherwise. The OpenAPI description,
 * Swagger UI and the web page's own files ({@code /}, {@code /index.html}, {@code /app/}) stay open: they hold no
 * data, and the page sends the token with its API calls. So does {@code /actuator/health}, for a container's or load
 * balancer's health check, which has no token: it says UP or DOWN per component, no details. {@code
 * /actuator/prometheus} is a read like any other. Tokens are compared in constant time. Thread-safe.
 */
class ApiAccessFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] writeToken;
    private final byte[] readToken;
    private final ProblemWriter problems;

    ApiAccessFilter(ApiProperties properties, ProblemWriter problems) {
        this.writeToken = bytes(properties.token());
        this.readToken = bytes(properties.readToken());
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/error")
                || path.equals("/") || path.equals("/index.html") || path.startsWith("/app/")
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean read = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
        byte[] presented = presented(request);
        boolean allowed = read
                ? readToken == null || matches(presented, readToken) || matches(presented, writeToken)
                : writeToken == null || matches(presented, writeToken);
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"asset-registry\"");
        String needed = read ? "a read needs" : "a write needs";
        problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                (presented == null ? "no bearer token: " : "the bearer token is not valid: ") + needed
                        + " Authorization: Bearer <token>"));
    }

    private static byte[] presented(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean matches(byte[] presented, byte[] token) {
        return presented != null && token != null && MessageDigest.isEqual(presented, token);
    }

    private static byte[] bytes(String token) {
        return token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }
}
