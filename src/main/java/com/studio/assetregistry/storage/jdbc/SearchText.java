package com.studio.assetregistry.storage.jdbc;

/** What the stores' lookups take from a caller, a REST client's query string included. */
final class SearchText {

    private SearchText() {
    }

    /**
     * Whether a text to look for holds a NUL character. No stored name, type, department or rule id does (the rules
     * refuse control characters, and PostgreSQL any NUL in text), so it matches nothing; and it must not be sent:
     * PostgreSQL refuses it as a parameter, and SQLite's {@code LIKE} reads a pattern only up to it.
     */
    static boolean holdsNul(String... texts) {
        for (String text : texts) {
            if (text != null && text.indexOf('\u0000') >= 0) {
                return true;
            }
        }
        return false;
    }
}
