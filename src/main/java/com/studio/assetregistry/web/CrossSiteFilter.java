package com.studio.assetregistry.web;

import com.studio.assetregistry.validation.MessageText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what a web page of another site can make a user's browser send to the API, which has no token by default
 * and is reached on 127.0.0.1 from the user's own machine:
 * <ul>
 *   <li>a write (any method but GET, HEAD and OPTIONS) that the browser says comes from another site: an
 *   {@code Origin} that is not this server's own (the scheme, host and port the request's {@code Host} names), or
 *   {@code Sec-Fetch-Site: cross-site} or {@code same-site}. A form or a {@code fetch} in any page could otherwise load
 *   a file or add an asset. A request without these headers (curl, a script, another service) is no browser's, and
 *   passes;</li>
 *   <li>when the server listens on a loopback address only, any request whose {@code Host} is not a loopback name
 *   ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): a page whose own name an attacker points at 127.0.0.1
 *   (DNS rebinding) would otherwise be of the same origin as the API, and read it too.</li>
 * </ul>
 * The web page and Swagger UI, served by this server, send their own origin. Thread-safe.
 */
class CrossSiteFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;
    private final boolean loopbackOnly;

    /** {@code address}: the address the server listens on, {@code server.address}; null or blank for every one. */
    CrossSiteFilter(ProblemWriter problems, String address) {
        this.problems = problems;
        this.loopbackOnly = isLoopback(address);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (loopbackOnly && host != null && !isLoopbackName(hostName(host))) {
            refuse(request, response, "the request names the host " + MessageText.quoted(host) + ", not this"
                    + " server, which listens on a loopback address: ask it as localhost or 127.0.0.1");
            return;
        }
        boolean write = switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (write && ("cross-site".equals(site) || "same-site".equals(site)
                || origin != null && !sameOrigin(origin, host))) {
            refuse(request, response, "a write from a web page of another site"
                    + (origin == null ? "" : " (" + MessageText.quoted(origin) + ")") + " is refused: the API takes"
                    + " writes from this server's own page, or from a client that is not a browser");
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "cross-site", detail));
    }

    /** Whether {@code origin} ({@code http://host:port}) names the host and port {@code host} does. */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) { // "null" (a sandboxed frame, a file), or no URI at all
            return false;
        }
    }

    /** The name in a {@code Host} header: without its port, an IPv6 address without its brackets. */
    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.lastIndexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopbackName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return true;
        }
        return isIpLiteral(lower) && isLoopback(lower);
    }

    private static boolean isIpLiteral(String name) {
        return name.contains(":") || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Whether an address (an IP literal or a name) is a loopback one; false for none, or every one. */
    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
