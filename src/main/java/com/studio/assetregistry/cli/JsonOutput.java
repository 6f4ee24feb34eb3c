package com.studio.assetregistry.cli;

import java.io.PrintWriter;
import java.util.Collection;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json} output for scripts: the Java API's records, as the REST API will serialise them, one compact JSON
 * value. A list is an array with one element per line, written as it streams. Thread-safe.
 */
final class JsonOutput {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonOutput() {
    }

    /** Prints one value on one line; a list as an {@link Array}, one element per line. */
    static void print(PrintWriter out, Object value) {
        if (value instanceof Collection<?> elements) {
            Array array = array(out);
            elements.forEach(array::add);
            array.end();
            return;
        }
        out.println(MAPPER.writeValueAsString(value));
        out.flush();
    }

    /** An array printed element by element; {@link Array#end()} closes it. */
    static Array array(PrintWriter out) {
        return new Array(out);
    }

    /** A JSON array being printed, one element per line. Not thread-safe. */
    static final class Array {

        private final PrintWriter out;
        private boolean empty = true;

        private Array(PrintWriter out) {
            this.out = out;
            out.print("[");
        }

        void add(Object element) {
            out.print(empty ? "\n" : ",\n");
            out.print(MAPPER.writeValueAsString(element));
            empty = false;
        }

        void end() {
            out.println(empty ? "]" : "\n]");
            out.flush();
        }
    }
}
