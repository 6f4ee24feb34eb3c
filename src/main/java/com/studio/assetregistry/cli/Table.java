package com.studio.assetregistry.cli;

import com.studio.assetregistry.validation.MessageText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table for people: columns two spaces apart, numbers right-aligned. Rows are held until
 * {@value #ALIGNED_ROWS} have come, so a short table is aligned exactly; past that the table streams, each column as
 * wide as the widest value seen so far, so a listing of any length starts at once and never holds more than that.
 * Not thread-safe.
 */
final class Table {

    static final int ALIGNED_ROWS = 1_000;

    private final PrintWriter out;
    private final String[] headers;
    private final boolean[] rightAligned;
    private final int[] widths;
    private final String indent;
    private final List<String[]> held = new ArrayList<>();
    private boolean streaming;
    private long rows;

    private Table(PrintWriter out, String indent, String... columns) {
        this.out = out;
        this.indent = indent;
        this.headers = new String[columns.length];
        this.rightAligned = new boolean[columns.length];
        this.widths = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            // a column named with a leading '>' is right-aligned: counts and numbers
            rightAligned[i] = columns[i].startsWith(">");
            headers[i] = rightAligned[i] ? columns[i].substring(1) : columns[i];
            widths[i] = headers[i].length();
        }
    }

    /** A table with these columns; a name that starts with {@code >} makes a right-aligned column. */
    static Table of(PrintWriter out, String... columns) {
        return new Table(out, "", columns);
    }

    /** The same, with every line indented. */
    static Table indented(PrintWriter out, String indent, String... columns) {
        return new Table(out, indent, columns);
    }

    /**
     * Adds a row; values are turned into text with {@link String#valueOf}, their control characters escaped
     * ({@link MessageText#printable}): a file's name, a run's source or a report's message can hold any character,
     * and a terminal would obey an escape character, or break the row at a line feed.
     */
    void row(Object... values) {
        String[] row = new String[headers.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < values.length ? MessageText.printable(String.valueOf(values[i])) : "";
        }
        rows++;
        widen(row);
        if (streaming) {
            print(row);
            return;
        }
        held.add(row);
        if (held.size() == ALIGNED_ROWS) {
            flush();
        }
    }

    /** How many rows were added. */
    long rows() {
        return rows;
    }

    /** Prints what is held. Call once the last row is added; a table without rows prints nothing. */
    void end() {
        if (rows > 0) {
            flush();
        }
        out.flush();
    }

    private void flush() {
        if (!streaming) {
            print(headers);
            streaming = true;
        }
        held.forEach(this::print);
        held.clear();
    }

    private void widen(String[] row) {
        for (int i = 0; i < row.length; i++) {
            widths[i] = Math.max(widths[i], row[i].length());
        }
    }

    private void print(String[] row) {
        var line = new StringBuilder(indent);
        for (int i = 0; i < row.length; i++) {
            boolean last = i == row.length - 1;
            int pad = widths[i] - row[i].length();
            if (rightAligned[i]) {
                line.append(" ".repeat(pad)).append(row[i]);
            } else {
                line.append(row[i]);
                if (!last) {
                    line.append(" ".repeat(pad));
                }
            }
            if (!last) {
                line.append("  ");
            }
        }
        out.println(line);
    }
}
