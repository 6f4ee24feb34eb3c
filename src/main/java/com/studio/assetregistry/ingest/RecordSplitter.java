package com.studio.assetregistry.ingest;

import com.studio.assetregistry.storage.RecordPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Cuts a JSON file into records, byte by byte, without parsing them: one record per element of a top-level array,
 * or one per non-blank line (JSON Lines; a line ends with {@code \n}, {@code \r\n} or a lone {@code \r}). The
 * framing is told by the first byte that is not white space (after an optional UTF-8 byte-order mark): {@code [}
 * means an array; a {@code {} alone on its line means records pretty-printed one after another, without an array
 * around them ({@code jq '.[]'}'s output), read as an array's elements are.
 * <p>
 * Written by hand because no JSON library can do what a load needs here: give each record's raw bytes and exact
 * position (byte offset, line, column), and go on with the next record after a broken one. The splitter tracks only
 * string, escape and nesting state, and the little of JSON's grammar that tells where a broken record ends; parsing
 * the record is {@link RecordParser}'s job. It holds one record's bytes at a time, at most {@code maxRecordBytes} of
 * them, whatever the file's size.
 * <p>
 * Not thread-safe: one splitter reads one stream.
 */
final class RecordSplitter {

    /** How records are laid out in the file. */
    enum Framing { ARRAY, LINES }

    /**
     * Where the reader is in an array: {@code AFTER_STRAY} follows content that is no element (a stray brace, a
     * comment, a word), which has been reported already; what comes next needs no comma before it. {@code AFTER_CLOSE}
     * is past a closing bracket that content follows (a bracket too many, or a file concatenated after this one), or
     * in a file of pretty-printed records with no array around them: what follows is read on as more elements, with
     * or without commas between them, whatever its layout.
     */
    enum State { BEFORE_FIRST, AFTER_ELEMENT, AFTER_COMMA, AFTER_STRAY, DONE, AFTER_CLOSE }

    private static final int EOF = -1;

    private final InputStream in;
    private final int maxRecordBytes;
    private static final int BUFFER_SIZE = 1 << 16;

    private byte[] buffer = new byte[BUFFER_SIZE];
    private int pos;
    private int limit;

    private long offset;
    private long line = 1;
    private long column = 1;
    private int previous = EOF; // the byte before pos, to count a \r\n as one line break
    private long recordNumber;
    private Framing framing;
    private State state = State.BEFORE_FIRST;
    /** The problem of content after the closing bracket, for the first record read past it; never at a checkpoint. */
    private String afterClose;
    /** Where the last closing bracket of the top-level array was, for the problem of content after it. */
    private String closedAt;
    /** The first value that began on a line of its own in the record being scanned; {@code null} if none has. */
    private Mark valueOnItsOwnLine;
    /** The offset up to which the bytes are read again after a rewind: no value before it is rewound to. */
    private long rereadUntil;

    private long recordOffset;
    private long recordLine;
    private long recordColumn;
    private byte[] record = new byte[1024];
    private int recordLength;
    private int recordFullLength;

    /**
     * A splitter reading {@code in} from the start of a file.
     *
     * @param in             the file's bytes, from its first byte
     * @param maxRecordBytes the most bytes kept of one record
     */
    RecordSplitter(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * A splitter resuming at a checkpoint taken with {@link #checkpoint()}; {@code in} must be positioned at the
     * checkpoint's offset.
     */
    RecordSplitter(InputStream in, int maxRecordBytes, Checkpoint checkpoint) {
        this(in, maxRecordBytes);
        this.offset = checkpoint.offset();
        this.line = checkpoint.line();
        this.column = checkpoint.column();
        this.recordNumber = checkpoint.recordNumber();
        this.framing = checkpoint.framing();
        this.state = checkpoint.state();
        this.rereadUntil = checkpoint.rereadUntil();
    }

    /**
     * Everything needed to go on from the current position after a restart.
     *
     * @param rereadUntil the offset up to which the bytes are read again after a rewind ({@link #rewindTo}); no
     *                    further rewind starts before it. 0 if none
     */
    record Checkpoint(long offset, long line, long column, long recordNumber, Framing framing, State state,
                      long rereadUntil) {
    }

    Checkpoint checkpoint() {
        return new Checkpoint(offset, line, column, recordNumber, framing, state, rereadUntil);
    }

    /** How the file is framed; known once the first record has been asked for. */
    Framing framing() {
        return framing;
    }

    /** The next record, or {@code null} at the end of the file. */
    RawRecord next() {
        if (framing == null) {
            detectFraming();
        }
        return framing == Framing.ARRAY ? nextElement() : nextLine();
    }

    private void detectFraming() {
        if (peek() == 0xEF) { // a UTF-8 byte-order mark is not part of the content and takes no column
            skipByteOrderMark();
        }
        skipWhitespace();
        if (peek() == '[') {
            advance();
            framing = Framing.ARRAY;
        } else if (opensPrettyPrintedRecord()) {
            framing = Framing.ARRAY; // as the elements of an array, with no bracket to open or close them
            state = State.AFTER_CLOSE;
        } else {
            framing = Framing.LINES;
        }
    }

    /**
     * Whether the file's first line holds only a {@code {}: records one after another, each over several lines, as
     * {@code jq '.[]'} or a pretty printer writes them. A line of JSON Lines holds a whole record, never a brace
     * alone. Looks ahead without moving.
     */
    private boolean opensPrettyPrintedRecord() {
        if (peek() != '{') {
            return false;
        }
        for (int at = 1; ahead(at + 1); at++) {
            int b = buffer[pos + at] & 0xFF;
            if (b == '\n' || b == '\r') {
                return true;
            }
            if (!isWhitespace(b)) {
                return false;
            }
        }
        return false; // a file of one brace: one record, as JSON Lines reads it
    }

    private void skipByteOrderMark() {
        // at the start of the file, where a read (of a pipe, say) may return fewer bytes than the mark's three
        int read;
        while (limit < 3 && (read = read(limit)) > 0) {
            limit += read;
        }
        if (limit - pos >= 3 && buffer[pos + 1] == (byte) 0xBB && buffer[pos + 2] == (byte) 0xBF) {
            pos += 3;
            offset += 3;
        }
    }

    /**
     * Moves past a UTF-8 byte-order mark where a record, or a file concatenated to this one, may start: {@code cat} of
     * two files a Windows tool wrote puts the second one's mark there. Looks ahead without moving: bytes from
     * {@code 0xEF} on that are not a mark stay where they are, the start of what follows.
     */
    private boolean skipInnerByteOrderMark() {
        if (peek() != 0xEF || !ahead(3) || buffer[pos + 1] != (byte) 0xBB || buffer[pos + 2] != (byte) 0xBF) {
            return false;
        }
        pos += 3;
        offset += 3; // a mark is not content, and takes no column
        return true;
    }

    /**
     * Whether the buffer holds {@code n} bytes from {@code pos} on, reading more if the input has them, the bytes not
     * yet read moved to the buffer's start. Only between records, where no record's bytes are in the buffer.
     */
    private boolean ahead(int n) {
        if (limit - pos >= n) {
            return true;
        }
        System.arraycopy(buffer, pos, buffer, 0, limit - pos);
        limit -= pos;
        pos = 0;
        int read;
        while (limit < n && (read = read(limit)) > 0) {
            limit += read;
        }
        return limit - pos >= n;
    }

    private RawRecord nextLine() {
        skipWhitespace();
        if (skipInnerByteOrderMark()) { // a file of lines concatenated after this one's, from a Windows tool
            skipWhitespace();
        }
        if (peek() == EOF) {
            return null;
        }
        startRecord();
        int trailingWhitespace = 0; // counted over the whole line, not only the bytes kept of a too-large one
        // A buffer's worth of the line at a time: the resolve step finds rejected records again by splitting the file
        // a second time, and byte-at-a-time bookkeeping made that pass several times slower.
        while (peek() != EOF) {
            int start = pos;
            int end = start;
            int characters = 0;
            byte b;
            while (end < limit && (b = buffer[end]) != '\n' && b != '\r') {
                if ((b & 0xC0) != 0x80) { // continuation bytes of a UTF-8 character take no column of their own
                    characters++;
                }
                end++;
            }
            keep(start, end);
            trailingWhitespace = trailingWhitespace(start, end, trailingWhitespace);
            column += characters;
            offset += end - start;
            if (end > start) {
                previous = buffer[end - 1] & 0xFF;
            }
            pos = end;
            if (end < limit) {
                break; // at the line's end; the next record's skipWhitespace moves past it
            }
        }
        recordFullLength -= trailingWhitespace;
        recordLength = Math.min(recordLength, recordFullLength);
        return finishRecord(null);
    }

    private RawRecord nextElement() {
        while (true) {
            skipWhitespace();
            int b = peek();
            switch (state) {
                case DONE:
                    if (b == 0xEF && skipInnerByteOrderMark()) { // the next file's, when files are concatenated
                        continue;
                    }
                    if (b == '[') { // another array: read on as if the arrays were one, in this loop
                        if (afterClose == null) {
                            afterClose = "another top-level array opens at line " + line + ", column " + column
                                    + ", after the first one closed; its records are read as if the arrays were one";
                        }
                        advance();
                        state = State.BEFORE_FIRST;
                        continue;
                    }
                    if (b == EOF) {
                        return afterClose == null ? null : endOfFile(null);
                    }
                    // After the closing bracket only white space may follow. Anything else is read on rather than lost
                    // in one reject, as more elements whatever their layout: a bracket too many before the array's
                    // end, or JSON Lines after it (two files concatenated). The first record after the bracket carries
                    // the problem, as the record after a missing comma does; with none after it, the end of the file.
                    if (afterClose == null) {
                        afterClose = "the array closed at line " + closedAt + ", and content follows; it is read on as"
                                + " more records";
                    }
                    state = State.AFTER_CLOSE;
                    continue;
                case AFTER_CLOSE:
                    if (b == ',') { // past the closing bracket, records need no comma between them: skipped
                        advance();
                        continue;
                    }
                    if (b == ']' || b == EOF) {
                        if (b == ']') {
                            closedAt = line + ", column " + column;
                            advance();
                        }
                        state = State.DONE;
                        continue;
                    }
                    RawRecord more = element(null);
                    if (state != State.DONE) {
                        state = State.AFTER_CLOSE;
                    }
                    return more;
                case AFTER_ELEMENT, AFTER_STRAY:
                    if (b == ',') {
                        advance();
                        state = State.AFTER_COMMA;
                        continue;
                    }
                    if (b == ']') {
                        closedAt = line + ", column " + column;
                        advance();
                        state = State.DONE;
                        continue;
                    }
                    if (b == EOF) {
                        return endOfFile("the file ends before the closing ]");
                    }
                    // stray content was reported already: the record after it needs no comma
                    return element(state == State.AFTER_STRAY ? null
                            : "missing ',' between this record and the one before it");
                case BEFORE_FIRST, AFTER_COMMA:
                    if (b == ']') { // an empty array, or a trailing comma: no record is lost either way
                        closedAt = line + ", column " + column;
                        advance();
                        state = State.DONE;
                        continue;
                    }
                    if (b == EOF) {
                        return endOfFile("the file ends before the closing ]");
                    }
                    return element(null);
                default:
                    throw new IllegalStateException("Unknown state " + state);
            }
        }
    }

    /** The file ended where a record or the closing bracket should be: one problem, reported at the end. */
    private RawRecord endOfFile(String problem) {
        state = State.DONE;
        startRecord();
        return finishRecord(problem);
    }

    private RawRecord element(String framingError) {
        startRecord();
        int b = peek();
        if (b == ',' || b == '}') { // a stray comma or brace where a record should start: report it and step past it
            keep(b);
            advance();
            state = b == ',' ? State.AFTER_COMMA : State.AFTER_STRAY;
            return finishRecord("unexpected '" + (char) b + "' where a record should start");
        }
        if (!startsValue(b)) { // a comment, a word, a byte that is not UTF-8: one reject, up to where a record may be
            int trailingWhitespace = 0;
            do {
                trailingWhitespace = isWhitespace(b) ? trailingWhitespace + 1 : 0;
                keep(b);
                advance();
                b = peek();
            } while (b != EOF && b != '{' && b != '[' && b != ']' && b != ',');
            recordFullLength -= trailingWhitespace; // as a line's: the white space before the next record is not its
            recordLength = Math.min(recordLength, recordFullLength);
            state = State.AFTER_STRAY;
            return finishRecord("unexpected content where a record should start");
        }
        Scan scan = (b == '{' || b == '[') ? scanContainer() : scanScalar() ? Scan.COMPLETE : Scan.END_OF_FILE;
        if (b == '"' && scan == Scan.COMPLETE && followedByColon()) {
            return strayProperties();
        }
        return switch (scan) {
            case COMPLETE -> {
                state = State.AFTER_ELEMENT;
                yield finishRecord(framingError);
            }
            case STRING_RUNS_PAST_ITS_LINE -> { // the next line starts a record, with no comma before it
                state = State.AFTER_COMMA;
                yield finishRecord("a string in this record runs past the end of its line (a quote missing?); the"
                        + " next record starts at line " + line + ", column " + column);
            }
            case END_OF_FILE -> { // a record cut off by the end of the file is the one problem to report
                state = State.DONE;
                yield finishRecord("the file ends inside this record");
            }
            case NEXT_RECORD_STARTS -> { // the next record starts here, with no comma before it
                state = State.AFTER_COMMA;
                yield finishRecord("this record is not closed before the next one starts at line " + line
                        + ", column " + column);
            }
        };
    }

    /**
     * Whether a colon follows, past white space (which is kept, and left out of the record's length if no colon
     * follows): the string just read is then a property's name outside any object.
     */
    private boolean followedByColon() {
        int whitespace = 0;
        int b;
        while ((b = peek()) != EOF && isWhitespace(b)) {
            keep(b);
            advance();
            whitespace++;
        }
        if (b == ':') {
            return true;
        }
        recordFullLength -= whitespace;
        recordLength = Math.min(recordLength, recordFullLength);
        return false;
    }

    /**
     * Properties outside any object: what is left of a record that a brace too many closed early. One reject, up to
     * where a record may start again: a line that starts with {@code {}, or the closing bracket, or the end of the
     * file, outside the arrays and objects that the stray text opens itself. Strings are skipped (a bracket in one
     * closes nothing), each ending at its line's end at the latest.
     */
    private RawRecord strayProperties() {
        boolean inString = false;
        boolean escaped = false;
        boolean lineStart = false;
        int depth = 0; // of the containers opened in the stray text: its own arrays and objects are its own
        int trailingWhitespace = 0;
        int b;
        while ((b = peek()) != EOF) {
            if (b == '\n' || b == '\r') {
                inString = false;
                escaped = false;
                lineStart = true;
            } else if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (depth == 0 && (b == ']' || b == '{' && lineStart)) {
                break;
            } else if (!isWhitespace(b)) {
                lineStart = false;
                inString = b == '"';
                if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && depth > 0) {
                    depth--;
                }
            }
            trailingWhitespace = isWhitespace(b) && !inString ? trailingWhitespace + 1 : 0;
            keep(b);
            advance();
        }
        recordFullLength -= trailingWhitespace;
        recordLength = Math.min(recordLength, recordFullLength);
        state = State.AFTER_STRAY;
        return finishRecord("a property outside any record, where a record should start (a brace too many closed"
                + " the record before it?)");
    }

    /** Whether {@code b} can begin a JSON value: an object, an array, a string, a number, a literal. */
    private static boolean startsValue(int b) {
        return b == '{' || b == '[' || b == '"' || b == '-' || b >= '0' && b <= '9' || b == 't' || b == 'f'
                || b == 'n';
    }

    /** How scanning a container ended. */
    private enum Scan { COMPLETE, END_OF_FILE, NEXT_RECORD_STARTS, STRING_RUNS_PAST_ITS_LINE }

    // What may come next inside a container, outside strings: the little of JSON's grammar resynchronising needs.
    private static final int NAME_OR_END = 0;
    private static final int NAME = 1;
    private static final int COLON = 2;
    private static final int VALUE_OR_END = 3;
    private static final int VALUE = 4;
    private static final int COMMA_OR_END = 5;
    private static final int MAX_TRACKED_DEPTH = 4_096;

    /**
     * Scans an object or array up to its matching close. Tracks just enough grammar to see a new record begin inside
     * an unclosed one: a '{' where a property name or a comma must come can only be the next record, so the broken
     * record ends there and costs no more than itself. Past any other syntax error (a comment, a word, a line cut
     * short) only nesting is counted, the parser naming the error, and a line that starts with '{' where a property
     * name should come starts the next record (an object in an array is the record's own): an unclosed record
     * followed by one more error would otherwise take every record after it to the end of the file. Two errors are told apart from nesting, so that
     * they cost no more than their record either:
     * <ul>
     * <li>a closing brace or bracket of the other kind than the container it would close ({@code ["a", "b"}}) closes
     * that container all the same, a typo most likely; the grammar then goes on, so that a bracket missing before a
     * brace ({@code ["a", "b"}, {"next": 1}}) ends the record where the next one starts;</li>
     * <li>a line break in a string, which JSON does not allow: the string was not closed (a quote is missing or one
     * too many), so which quotes open strings is unknown from there on. The string ends at the line's end, and a line
     * that starts with '{' then starts the next record, unless it is inside a container opened since (an array of
     * objects, one per line).</li>
     * </ul>
     */
    private Scan scanContainer() {
        valueOnItsOwnLine = null;
        Scan scan = scanContainerToItsEnd();
        if (valueOnItsOwnLine != null && recordLength == recordFullLength
                && (scan == Scan.NEXT_RECORD_STARTS || scan == Scan.END_OF_FILE)) {
            rewindTo(valueOnItsOwnLine);
            return Scan.NEXT_RECORD_STARTS;
        }
        return scan;
    }

    /**
     * Where a property's value began on a line of its own ({@code "asset":}, then {@code {} on the next line), which
     * JSON allows and tools never write: more likely a line cut after a name's colon, and the next record. A record
     * left open (another record starts inside it, or the file ends) ends there instead, and what follows is read again
     * as the next record's: the record that would have been taken for the value costs nothing. Bytes read again are
     * never rewound to again, so that a file of such values costs a second reading at most.
     */
    private record Mark(int index, long offset, long line, long column, int previous) {
    }

    /** Ends the record at {@code mark}, and reads what it kept from there on again, as if not read yet. */
    private void rewindTo(Mark mark) {
        rereadUntil = offset;
        int replayed = recordLength - mark.index();
        int unread = limit - pos;
        byte[] again = new byte[Math.max(BUFFER_SIZE, replayed + unread)];
        System.arraycopy(record, mark.index(), again, 0, replayed);
        System.arraycopy(buffer, pos, again, replayed, unread);
        buffer = again;
        pos = 0;
        limit = replayed + unread;
        offset = mark.offset();
        line = mark.line();
        column = mark.column();
        previous = mark.previous();
        recordLength = mark.index();
        recordFullLength = mark.index();
    }

    private Scan scanContainerToItsEnd() {
        byte[] containers = new byte[16];
        int depth = 0;
        int expect = VALUE;
        boolean inString = false;
        boolean escaped = false;
        boolean inScalar = false;
        boolean grammarLost = false;
        int quotesLostAt = 0; // the depth at which a string ran past its line's end; 0 while none has
        int grammarLostAt = 0; // the depth at which a token broke the grammar; 0 while none has
        boolean lineStart = false;
        int b;
        while ((b = peek()) != EOF) {
            if (inString) {
                if (b == '\n' || b == '\r') {
                    inString = false;
                    escaped = false;
                    grammarLost = true;
                    quotesLostAt = quotesLostAt == 0 ? depth : Math.min(quotesLostAt, depth);
                } else {
                    keep(b);
                    advance();
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                    continue;
                }
            }
            if (inScalar && !isDelimiter(b)) {
                keep(b);
                advance();
                continue;
            }
            inScalar = false;
            if (isWhitespace(b)) {
                lineStart |= b == '\n' || b == '\r';
                keep(b);
                advance();
                continue;
            }
            if (quotesLostAt > 0 && depth <= quotesLostAt && lineStart && b == '{') {
                return Scan.STRING_RUNS_PAST_ITS_LINE; // not inside a container opened since: an array of objects
            }
            if (grammarLostAt > 0 && depth <= grammarLostAt && lineStart && b == '{' && depth <= containers.length
                    && containers[depth - 1] == '{') { // where a name should come: an array's element is its own
                return Scan.NEXT_RECORD_STARTS; // the record cannot be read anyway: it costs no more than itself
            }
            boolean atLineStart = lineStart;
            lineStart = false;
            int token = b;
            if ((b == '}' || b == ']') && depth > 0 && depth <= containers.length) {
                // a closer of the other kind closes the innermost container all the same, as its writer meant
                token = containers[depth - 1] == '{' ? '}' : ']';
            }
            if (!grammarLost && !fits(token, expect, depth == 0 ? 0 : containers[depth - 1])) {
                // after a name, a brace is more likely a missing colon; unless it starts a line (the line was cut)
                if (token == '{' && depth > 0 && (expect != COLON || atLineStart)) {
                    return Scan.NEXT_RECORD_STARTS;
                }
                grammarLost = true;
                grammarLostAt = depth;
            } else if (atLineStart && b == '{' && expect == VALUE && depth <= containers.length
                    && containers[depth - 1] == '{' && valueOnItsOwnLine == null // a value: after a name's colon
                    && offset >= rereadUntil) {
                valueOnItsOwnLine = new Mark(recordFullLength, offset, line, column, previous);
            }
            keep(b);
            advance();
            switch (token) {
                case '"' -> {
                    inString = true;
                    expect = expect == NAME_OR_END || expect == NAME ? COLON : COMMA_OR_END;
                }
                case '{', '[' -> {
                    if (depth == containers.length) {
                        if (depth == MAX_TRACKED_DEPTH) {
                            grammarLost = true; // far beyond the parser's limit: the record is rejected anyway
                        } else {
                            containers = Arrays.copyOf(containers, depth * 2);
                        }
                    }
                    if (depth < containers.length) {
                        containers[depth] = (byte) b;
                    }
                    depth++;
                    expect = b == '{' ? NAME_OR_END : VALUE_OR_END;
                }
                case '}', ']' -> {
                    if (--depth == 0) {
                        return Scan.COMPLETE;
                    }
                    expect = COMMA_OR_END;
                }
                case ':' -> expect = VALUE;
                case ',' -> expect = depth <= containers.length && containers[depth - 1] == '{' ? NAME : VALUE;
                default -> {
                    inScalar = true;
                    expect = COMMA_OR_END;
                }
            }
        }
        return Scan.END_OF_FILE;
    }

    /** Whether byte {@code b} may come next, outside strings, in a container opened by {@code container}. */
    private static boolean fits(int b, int expect, int container) {
        return switch (b) {
            case '"' -> expect != COLON && expect != COMMA_OR_END;
            case '}' -> container == '{' && (expect == NAME_OR_END || expect == COMMA_OR_END);
            case ']' -> container == '[' && (expect == VALUE_OR_END || expect == COMMA_OR_END);
            case ':' -> expect == COLON;
            case ',' -> expect == COMMA_OR_END;
            default -> expect == VALUE || expect == VALUE_OR_END; // '{', '[' or the start of a number or literal
        };
    }

    private static boolean isDelimiter(int b) {
        return isWhitespace(b) || b == ',' || b == ':' || b == '"' || b == '{' || b == '}' || b == '[' || b == ']';
    }

    /** Scans a value that is not a container, up to the next comma, colon, bracket or white space outside a string. */
    private boolean scanScalar() {
        boolean inString = false;
        boolean escaped = false;
        int b;
        while ((b = peek()) != EOF) {
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == ',' || b == ']' || b == '}' || b == ':' || isWhitespace(b)) {
                return true;
            } else if (b == '"') {
                inString = true;
            }
            keep(b);
            advance();
        }
        return !inString;
    }

    /** Marks the current position as the start of a record. */
    private void startRecord() {
        recordOffset = offset;
        recordLine = line;
        recordColumn = column;
        recordLength = 0;
        recordFullLength = 0;
    }

    private void keep(int b) {
        recordFullLength++;
        if (recordLength == maxRecordBytes) {
            return;
        }
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, Math.min(maxRecordBytes, record.length * 2));
        }
        record[recordLength++] = (byte) b;
    }

    /** Keeps the bytes {@code buffer[start, end)}, as {@link #keep(int)} each. */
    private void keep(int start, int end) {
        int length = end - start;
        recordFullLength += length;
        int kept = Math.min(length, maxRecordBytes - recordLength);
        if (kept <= 0) {
            return;
        }
        if (recordLength + kept > record.length) {
            record = Arrays.copyOf(record, Math.min(maxRecordBytes, Math.max(record.length * 2, recordLength + kept)));
        }
        System.arraycopy(buffer, start, record, recordLength, kept);
        recordLength += kept;
    }

    /** The white space at the end of the line once {@code buffer[start, end)} is added to it. */
    private int trailingWhitespace(int start, int end, int before) {
        int at = end;
        while (at > start && isWhitespace(buffer[at - 1] & 0xFF)) {
            at--;
        }
        return at == start ? before + (end - start) : end - at;
    }

    private RawRecord finishRecord(String problem) {
        if (afterClose != null) {
            problem = problem == null ? afterClose : afterClose + "; " + problem;
            afterClose = null;
        }
        recordNumber++;
        var position = new RecordPosition(recordNumber, recordLine, recordColumn, recordOffset, recordFullLength);
        return new RawRecord(position, Arrays.copyOf(record, recordLength), recordLength,
                recordFullLength > recordLength, problem);
    }

    private void skipWhitespace() {
        int b;
        while ((b = peek()) != EOF && isWhitespace(b)) {
            advance();
        }
    }

    private static boolean isWhitespace(int b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private int peek() {
        if (pos == limit) {
            fill();
            if (pos == limit) {
                return EOF;
            }
        }
        return buffer[pos] & 0xFF;
    }

    /** Moves past the byte {@link #peek()} returned, keeping line and column (in characters) up to date. */
    private void advance() {
        int b = buffer[pos++] & 0xFF;
        offset++;
        if (b == '\n' || b == '\r') {
            if (breaksLine(b, previous)) {
                line++;
            }
            column = 1;
        } else if ((b & 0xC0) != 0x80) { // continuation bytes of a UTF-8 character take no column of their own
            column++;
        }
        previous = b;
    }

    /**
     * Whether byte {@code b}, after byte {@code previous}, starts a new line: {@code \n}, {@code \r\n} and a lone
     * {@code \r} (old Mac OS line ends) are each one line break, as for Jackson and for editors.
     */
    static boolean breaksLine(int b, int previous) {
        return b == '\r' || b == '\n' && previous != '\r';
    }

    private void fill() {
        if (pos < limit) {
            return;
        }
        if (buffer.length != BUFFER_SIZE) { // the bytes read again after a rewind are read
            buffer = new byte[BUFFER_SIZE];
        }
        limit = Math.max(read(0), 0);
        pos = 0;
    }

    /** Reads into the buffer from {@code from} on; how many bytes were read, or -1 at the end of the input. */
    private int read(int from) {
        try {
            return in.read(buffer, from, buffer.length - from);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the input at byte " + offset + ": " + e.getMessage(), e);
        }
    }
}
