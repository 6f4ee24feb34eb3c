package com.studio.assetregistry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * A path under {@code /actuator/health/} that names no health component or group is a 404 problem, as any other path
 * that leads nowhere. Boot's health endpoint answers such a path with a 404 and no body, and one that goes below a
 * component that has no parts ({@code /actuator/health/db/x}) with an {@link IllegalStateException}, a 500 with a
 * stack trace in the log, from a path that anyone may ask for without a token (Boot 4.0.7). Thread-safe.
 */
class HealthPathFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/actuator/health/";

    private final HealthEndpoint health;
    private final ProblemWriter problems;

    HealthPathFilter(HealthEndpoint health, ProblemWriter problems) {
        this.health = health;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (exists(path.substring(PREFIX.length()).split("/"))) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(request, response, Problems.of(HttpStatus.NOT_FOUND, "not-found", "there is nothing at " + path
                + "; /actuator/health names each component of the server's health"));
    }

    private boolean exists(String[] components) {
        try {
            return health.healthForPath(components) != null;
        } catch (IllegalStateException e) { // a path below a component that has no parts
            return false;
        }
    }

    /** The path within the application, decoded, as the endpoint reads it. */
    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    }
}
