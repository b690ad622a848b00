package io.avreplay.eval.coco;

import io.avreplay.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A strict, allocation-free JSON reader over the UTF-8 bytes of a whole file: the caller walks the
 * document with {@link #enter}, {@link #more}, {@link #key} and the value readers. Accepts RFC 8259 JSON
 * plus {@code NaN}, {@code Infinity} and {@code -Infinity}, which Python's {@code json} writes and reads;
 * rejects everything else, trailing content included. Numbers are parsed to the correctly rounded
 * double, like {@link Double#parseDouble}. Errors are {@link BadInputException}s starting
 * {@code file:line:column:} (1-based, columns in bytes), computed only when an error is raised; the
 * {@code what} arguments name the value being read in them. Not
 * thread-safe; the byte array is borrowed, not copied.
 */
final class JsonCursor {
    /** Powers of ten that are exact doubles. */
    private static final double[] POW10 = new double[23];
    private static final long TWO_TO_53 = 1L << 53;
    /** Deeper nesting in skipped values is an error rather than a stack overflow. */
    private static final int MAX_DEPTH = 1000;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final Path file;
    private final byte[] b;
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

    /** Reads a number (or {@code NaN}, {@code Infinity}, {@code -Infinity}). */
    double number() {
        skipWhitespace();
        int start = pos;
        boolean negative = false;
        if (pos < b.length && b[pos] == '-') {
            negative = true;
            pos++;
        }
        if (pos < b.length && (b[pos] == 'I' || b[pos] == 'N')) {
            boolean nan = b[pos] == 'N';
            if (nan && negative) {
                throw errorAt(start, "expected a number, got '-N'");
            }
            literal(nan ? "NaN" : "Infinity");
            return nan ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int intStart = pos;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            if (digits < 18) {
                mantissa = mantissa * 10 + (b[pos] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                digits++;
            }
            pos++;
        }
        if (pos == intStart) {
            throw errorAt(pos, "expected a number, got " + describeAt(pos));
        }
        if (pos - intStart > 1 && b[intStart] == '0') {
            throw errorAt(intStart, "invalid number: leading zero");
        }
        if (pos < b.length && b[pos] == '.') {
            pos++;
            int fracStart = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                if (digits < 18) {
                    mantissa = mantissa * 10 + (b[pos] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    scale--;
                } else {
                    digits++;
                }
                pos++;
            }
            if (pos == fracStart) {
                throw errorAt(pos, "invalid number: expected a digit after '.', got " + describeAt(pos));
            }
        }
        int exponent = 0;
        boolean bigExponent = false;
        if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            boolean expNegative = false;
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
                expNegative = b[pos] == '-';
                pos++;
            }
            int expStart = pos;
            while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (b[pos] - '0');
                } else {
                    bigExponent = true;
                }
                pos++;
            }
            if (pos == expStart) {
                throw errorAt(pos, "invalid number: expected a digit in the exponent, got " + describeAt(pos));
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        int e10 = scale + exponent;
        // Exact mantissa and power of ten: one IEEE multiplication or division rounds correctly (Clinger's
        // fast path). Anything else goes to the JDK's parser.
        if (digits <= 18 && !bigExponent && mantissa < TWO_TO_53 && e10 >= -22 && e10 <= 22) {
            double v = e10 >= 0 ? mantissa * POW10[e10] : mantissa / POW10[-e10];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
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
        switch (c) {
            case '"':
                return "\"";
            case '\\':
                return "\\";
            case '/':
                return "/";
            case 'b':
                return "\b";
            case 'f':
                return "\f";
            case 'n':
                return "\n";
            case 'r':
                return "\r";
            case 't':
                return "\t";
            case 'u':
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
            default:
                throw errorAt(at, "invalid escape '\\" + c + "'");
        }
    }

    private String utf8(int from, int to) {
        scanUtf8(from, to);
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Checks that {@code b[from..to)} is well-formed UTF-8 (the common all-ASCII case costs one pass). */
    private void scanUtf8(int from, int to) {
        int i = from;
        while (i < to) {
            i = b[i] >= 0 ? i + 1 : utf8Sequence(i);
        }
    }

    /** @return the offset after the well-formed multi-byte UTF-8 sequence starting at {@code i} */
    private int utf8Sequence(int i) {
        int lead = b[i] & 0xFF;
        int n;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            n = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            n = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            n = 3;
            min = 0x10000;
        } else {
            throw errorAt(i, "invalid UTF-8 byte 0x" + Integer.toHexString(lead));
        }
        int cp = lead & (0x3F >> n);
        for (int k = 1; k <= n; k++) {
            if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                throw errorAt(i, "invalid UTF-8 sequence");
            }
            cp = (cp << 6) | (b[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw errorAt(i, "invalid UTF-8 sequence");
        }
        return i + n + 1;
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
