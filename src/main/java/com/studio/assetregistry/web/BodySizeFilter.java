package com.studio.assetregistry.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request size limits: {@code registry.api.max-load-size} for {@code POST /assets/load}, {@code max-body-size} for
 * every other body. A declared length over the limit is refused before the body is read; a body sent without one
 * (chunked) fails with {@link BodyTooLargeException} once it passes the limit. Either way the answer is a 413
 * problem. A body sent compressed ({@code Content-Encoding: gzip}, say) is refused before it is read, with a 415
 * and {@code Accept-Encoding: identity} (RFC 7694): read as it came, its bytes would be judged as JSON. So is a body
 * declared in another charset than UTF-8 ({@code charset=ISO-8859-1}): JSON is UTF-8, and read as such, its accented
 * names would be other names, or rejected. Thread-safe.
 */
class BodySizeFilter extends OncePerRequestFilter {

    /** A charset parameter of a media type, its value unquoted. */
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    /** The methods whose body the API reads. */
    private static final Set<String> HAS_BODY = Set.of("POST", "PUT", "PATCH");

    private final long maxBody;
    private final long maxLoad;
    private final ProblemWriter problems;

    BodySizeFilter(ApiProperties properties, ProblemWriter problems) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxLoad = properties.maxLoadSize().toBytes();
        this.problems = problems;
    }

    /** The largest body a request to {@code path} may have. */
    long limit(String path) {
        return path.equals("/assets/load") ? maxLoad : maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
            problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Content-Encoding " + encoding.strip() + " is not taken: send the body as it is, uncompressed"));
            return;
        }
        String charset = declaredCharset(request);
        if (charset != null && !isUtf8(charset) && HAS_BODY.contains(request.getMethod())) {
            problems.write(request, response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "charset " + charset.strip() + " is not taken: the body is read as UTF-8, as JSON is (RFC 8259);"
                            + " send it in UTF-8, with charset=utf-8 or no charset"));
            return;
        }
        long limit = limit(request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // The client may be sending the rest: close the connection rather than read gigabytes to discard them.
            response.setHeader("Connection", "close");
            problems.write(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** UTF-8, or US-ASCII, of which UTF-8 is a superset. */
    private static boolean isUtf8(String charset) {
        try {
            Charset declared = Charset.forName(charset.strip());
            return declared.equals(StandardCharsets.UTF_8) || declared.equals(StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) { // not a charset's name at all
            return false;
        }
    }

    /**
     * The charset the request's {@code Content-Type} declares, as the client sent it ({@link
     * HttpServletRequest#getCharacterEncoding} is UTF-8 once Spring's encoding filter has forced it); {@code null} for
     * none, for a {@code Content-Type} that is not one and names no charset (Spring refuses it later), and for a
     * multipart body, whose charset is its parts' (the file part's bytes are the file's, whatever a header says).
     */
    private static String declaredCharset(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (header == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(header);
            String charset = type.getParameter("charset");
            return type.getType().equalsIgnoreCase("multipart") || charset == null ? null
                    : charset.replace("\"", "");
        } catch (InvalidMediaTypeException e) { // Spring's parser refuses a charset Java does not know: said here
            Matcher charset = CHARSET.matcher(header);
            return header.strip().toLowerCase(Locale.ROOT).startsWith("multipart/") || !charset.find() ? null
                    : charset.group(1);
        }
    }

    static ProblemDetail tooLarge(long limit) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "the request body is larger than "
                + describe(limit) + ", the limit of this endpoint");
    }

    static String describe(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        if (bytes % (1L << 30) == 0) {
            return size.toGigabytes() + " GiB";
        }
        if (bytes % (1L << 20) == 0) {
            return size.toMegabytes() + " MiB";
        }
        if (bytes % (1L << 10) == 0) {
            return size.toKilobytes() + " KiB";
        }
        return bytes + " bytes";
    }

    /** A body passed its endpoint's limit while it was read. */
    static class BodyTooLargeException extends IOException {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("the request body is larger than " + describe(limit));
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** The request with its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
