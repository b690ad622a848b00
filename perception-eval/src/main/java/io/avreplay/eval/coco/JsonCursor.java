package io.avreplay.eval.coco;

import io.avreplay.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A strict, allocation-free JSON reader over the UTF-8 bytes of a whole file: the caller walks the
 * document with {@link #enter}, {@link #more}, {@link #key} and the value readers. Accepts RFC 8259 JSON
 * plus {@code NaN}, {@code Infinity} and {@code -Infinity}, which Python's {@code json} writes and reads;
 * rejects everything else, trailing content included. Numbers are parsed to the correctly rounded
 * double, like {@link Double#parseDouble} ({@link JsonNumber}); strings must be well-formed UTF-8
 * ({@link Utf8}). Errors are {@link BadInputException}s starting
 * {@code file:line:column:} (1-based, columns in bytes), computed only when an error is raised; the
 * {@code what} arguments name the value being read in them. Not thread-safe; the byte array is
 * borrowed, not copied.
 */
final class JsonCursor {
    /** Deeper nesting in skipped values is an error rather than a stack overflow. */
    private static final int MAX_DEPTH = 1000;
    /** The one-character escapes after a backslash, and what each stands for, position by position. */
    private static final String SIMPLE_ESCAPES = "\"\\/bfnrt";
    private static final String ESCAPED = "\"\\/\b\f\n\r\t";

    private final Path file;
    private final byte[] b;
    private final JsonNumber numbers = new JsonNumber();
    private int pos;

    JsonCursor(Path file, byte[] bytes) {
        this.file = file;
        this.b = bytes;
        // A UTF-8 byte-order mark is allowed before the document.
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            pos = 3;
        }
    }

    /** @return the byte offset of the next non-whitespace byte (for error positions) */
    int position() {
        skipWhitespace();
        return pos;
    }

    /** @return the next non-whitespace byte without consuming it, or -1 at the end of the input */
    int peek() {
        skipWhitespace();
        return pos < b.length ? b[pos] : -1;
    }

    /** @return true when the next value is a JSON number, {@code NaN} or {@code ±Infinity} */
    boolean atNumber() {
        int c = peek();
        return c == '-' || (c >= '0' && c <= '9') || c == 'N' || c == 'I';
    }

    /**
     * Consumes the opening bracket of an array ({@code '['}) or object ({@code '{'}).
     *
     * @param what names the value in errors (its {@code toString()}, called only on an error)
     */
    void enter(char open, Object what) {
        if (peek() != open) {
            throw error(what + ": expected " + (open == '[' ? "an array" : "an object") + ", got " + describeNext());
        }
        pos++;
    }

    /**
     * Call after {@link #enter} and after each element or member: consumes a separating comma and
     * returns true when another one follows, or consumes the closing bracket and returns false.
     *
     * @param first whether no element has been read yet (then no comma is expected)
     */
    boolean more(char close, boolean first, Object what) {
        int c = peek();
        if (c == close) {
            pos++;
            return false;
        }
        if (first) {
            return true;
        }
        if (c != ',') {
            throw error(what + ": expected ',' or '" + close + "', got " + describeNext());
        }
        pos++;
        return true;
    }

    /**
     * Field names to look for with {@link #key}, as ASCII bytes.
     *
     * @param names ASCII names without characters that JSON escapes
     */
    static byte[][] names(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /**
     * Reads an object member's name and the colon after it.
     *
     * @param names from {@link #names}
     * @return the index of the name in {@code names}, or -1 for any other name
     */
    int key(byte[][] names, Object what) {
        if (peek() != '"') {
            throw error(what + ": expected a field name, got " + describeNext());
        }
        int start = pos + 1;
        int end = start;
        while (end < b.length && b[end] != '"' && b[end] != '\\' && b[end] >= 0x20) {
            end++;
        }
        int found = -1;
        if (end < b.length && b[end] == '"') {
            for (int i = 0; i < names.length && found < 0; i++) {
                if (bytesEqual(names[i], start, end)) {
                    found = i;
                }
            }
            pos = end + 1;
        } else {
            // Escapes or non-ASCII bytes: decode, then compare.
            String name = string();
            for (int i = 0; i < names.length && found < 0; i++) {
                if (new String(names[i], StandardCharsets.US_ASCII).equals(name)) {
                    found = i;
                }
            }
        }
        if (peek() != ':') {
            throw error(what + ": expected ':' after a field name, got " + describeNext());
        }
        pos++;
        return found;
    }

    private boolean bytesEqual(byte[] name, int from, int to) {
        if (name.length != to - from) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (b[from + i] != name[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads a number (or {@code NaN}, {@code Infinity}, {@code -Infinity}); see {@link JsonNumber}. */
    double number() {
        skipWhitespace();
        try {
            double v = numbers.parse(b, pos);
            pos = numbers.end();
            return v;
        } catch (JsonNumber.Malformed e) {
            throw errorAt(e.offset, e.showFound ? e.getMessage() + ", got " + describeAt(e.offset) : e.getMessage());
        }
    }

    /** Reads {@code true} or {@code false}. */
    boolean bool() {
        if (peek() == 't') {
            literal("true");
            return true;
        }
        if (peek() == 'f') {
            literal("false");
            return false;
        }
        throw error("expected true or false, got " + describeNext());
    }

    /** Reads a string value, decoding escapes. */
    String string() {
        if (peek() != '"') {
            throw error("expected a string, got " + describeNext());
        }
        int start = ++pos;
        StringBuilder sb = null;
        int runStart = start;
        while (true) {
            if (pos >= b.length) {
                throw errorAt(pos, "unexpected end of input inside a string");
            }
            int c = b[pos];
            if (c == '"') {
                String run = utf8(runStart, pos);
                pos++;
                return sb == null ? run : sb.append(run).toString();
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(utf8(runStart, pos));
                sb.append(escape());
                runStart = pos;
            } else if (c >= 0 && c < 0x20) {
                throw errorAt(pos, "control character " + c + " inside a string");
            } else {
                pos++;
            }
        }
    }

    /** Skips any value, checking that it is well formed. */
    void skipValue() {
        skipValue(0);
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        int c = peek();
        switch (c) {
            case '{' -> {
                pos++;
                boolean first = true;
                while (more('}', first, "object")) {
                    skipString("object");
                    if (peek() != ':') {
                        throw error("object: expected ':' after a field name, got " + describeNext());
                    }
                    pos++;
                    skipValue(depth + 1);
                    first = false;
                }
            }
            case '[' -> {
                pos++;
                boolean first = true;
                while (more(']', first, "array")) {
                    skipValue(depth + 1);
                    first = false;
                }
            }
            case '"' -> skipString("value");
            case 't', 'f' -> bool();
            case 'n' -> literal("null");
            default -> {
                if (atNumber()) {
                    number();
                } else {
                    throw error("expected a value, got " + describeNext());
                }
            }
        }
    }

    /** Fails unless only whitespace is left. */
    void end() {
        if (peek() != -1) {
            throw error("unexpected content after the end of the document: " + describeNext());
        }
    }

    private void skipString(Object what) {
        if (peek() != '"') {
            throw error(what + ": expected a string, got " + describeNext());
        }
        pos++;
        while (true) {
            if (pos >= b.length) {
                throw errorAt(pos, "unexpected end of input inside a string");
            }
            int c = b[pos];
            if (c == '"') {
                pos++;
                return;
            }
            if (c == '\\') {
                escape();
            } else if (c >= 0 && c < 0x20) {
                throw errorAt(pos, "control character " + c + " inside a string");
            } else if (c < 0) {
                pos = utf8Sequence(pos);
            } else {
                pos++;
            }
        }
    }

    /** Decodes the escape at {@code pos} (a backslash) and moves past it. */
    private String escape() {
        int at = pos;
        if (pos + 1 >= b.length) {
            throw errorAt(at, "unexpected end of input inside a string");
        }
        char c = (char) b[pos + 1];
        pos += 2;
        int simple = SIMPLE_ESCAPES.indexOf(c);
        if (simple >= 0) {
            return ESCAPED.substring(simple, simple + 1);
        }
        if (c != 'u') {
            throw errorAt(at, "invalid escape '\\" + c + "'");
        }
        if (pos + 4 > b.length) {
            throw errorAt(at, "unexpected end of input in a \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(b[pos + i], 16);
            if (d < 0) {
                throw errorAt(pos + i, "invalid \\u escape: expected a hex digit, got " + describeAt(pos + i));
            }
            v = v * 16 + d;
        }
        pos += 4;
        return String.valueOf((char) v);
    }

    /** @return {@code b[from..to)} decoded, after checking it is well-formed UTF-8 (all ASCII: one pass) */
    private String utf8(int from, int to) {
        int i = from;
        while (i < to) {
            i = b[i] >= 0 ? i + 1 : utf8Sequence(i);
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** @return the offset after the well-formed multi-byte UTF-8 sequence starting at {@code i} */
    private int utf8Sequence(int i) {
        int end = Utf8.sequenceEnd(b, i);
        if (end < 0) {
            throw errorAt(i, Utf8.isLead(b[i]) ? "invalid UTF-8 sequence"
                    : "invalid UTF-8 byte 0x" + Integer.toHexString(b[i] & 0xFF));
        }
        return end;
    }

    private void literal(String word) {
        int at = pos;
        for (int i = 0; i < word.length(); i++) {
            if (pos >= b.length || b[pos] != word.charAt(i)) {
                throw errorAt(at, "expected '" + word + "', got " + describeAt(at));
            }
            pos++;
        }
    }

    private void skipWhitespace() {
        while (pos < b.length) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private String describeNext() {
        skipWhitespace();
        return describeAt(pos);
    }

    private String describeAt(int at) {
        if (at >= b.length) {
            return "the end of the input";
        }
        int c = b[at] & 0xFF;
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "'" : "byte 0x" + Integer.toHexString(c);
    }

    /** @return an error at the next non-whitespace byte */
    BadInputException error(String message) {
        skipWhitespace();
        return errorAt(pos, message);
    }

    /** @return an error at byte offset {@code at}: {@code file:line:column: message} */
    BadInputException errorAt(int at, String message) {
        return new BadInputException(where(at) + ": " + message);
    }

    /** @return {@code file:line:column} of a byte offset */
    String where(int at) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(at, b.length);
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return file + ":" + line + ":" + (at - lineStart + 1);
    }
}
