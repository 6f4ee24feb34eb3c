package com.studio.assetregistry.ingest;

import com.studio.assetregistry.validation.MessageText;
import tools.jackson.core.JacksonException;

/**
 * What Jackson says of JSON it cannot read, without its advice to enable a parser feature, which whoever reads a
 * report or an answer cannot act on: what JSON does not have, in its place. Used wherever such a message reaches a
 * person: a load's {@code json.syntax} rejects, an add's, the REST API's bodies that are not JSON.
 */
public final class JsonSyntaxMessages {

    private JsonSyntaxMessages() {
    }

    /**
     * Jackson's message for {@code e}, without the parser's location and without its advice, its control characters
     * escaped: Jackson quotes the token it could not read as it was, a NUL or an escape character included.
     */
    public static String of(JacksonException e) {
        String message = withoutParserAdvice(e.getOriginalMessage());
        return message == null ? null : MessageText.printable(message);
    }

    /** {@code message} without the advice to enable a feature of Jackson's parser. */
    static String withoutParserAdvice(String message) {
        return message == null ? null : message
                .replaceAll(":\\s*enable `JsonReadFeature\\.ALLOW_NON_NUMERIC_NUMBERS` to allow",
                        ": JSON has no NaN or Infinity")
                .replaceAll(":\\s*maybe a \\(non-standard\\) comment\\? \\(not recognized as one since [^)]*\\)",
                        ": JSON has no comments")
                .replaceAll(":\\s*enable `[^`]*` to allow", "")
                .replaceAll("\\s*\\(not recognized as one since [^)]*\\)", "")
                // where the container began ("for Object starting at", "start marker at"), as Jackson says it with
                // no source: "[Source: REDACTED (...); byte offset: #UNKNOWN]", which tells a reader nothing; the
                // reject's own line and column say where
                .replaceAll("\\s*\\((for (Array|Object) starting|start marker) at \\[Source: REDACTED[^]]*]\\)", "");
    }
}
