package com.studio.assetregistry.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Page sizes and opaque cursors. A cursor is the base64url text of the last key of the previous page; clients pass
 * it back as they got it and must not build one.
 */
final class Paging {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** The page size a {@code limit} parameter asks for: the default when absent, 1 to 1000. */
    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadParameterException("limit", "limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    /** The cursor of a page's last key: its parts joined by NUL, base64url-encoded. */
    static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\0", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor; a 400 naming {@code cursor} if it is not one this API made with {@code parts} parts. */
    static List<String> parts(String cursor, int parts) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> split = List.of(text.split("\0", -1));
            if (split.size() == parts) {
                return split;
            }
        } catch (IllegalArgumentException e) {
            // not base64url: answered below
        }
        throw new BadParameterException("cursor", "cursor is not a cursor this API gave: pass back the nextCursor of"
                + " the previous page unchanged");
    }

    /**
     * One page of a listing.
     *
     * @param items      the page's items
     * @param nextCursor the cursor of the next page, or {@code null} when this is the last
     */
    record Page<T>(List<T> items, String nextCursor) {
    }
}
