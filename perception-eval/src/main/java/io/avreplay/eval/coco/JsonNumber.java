package io.avreplay.eval.coco;

import java.nio.charset.StandardCharsets;

/**
 * Parses one JSON number (or {@code NaN}, {@code Infinity}, {@code -Infinity}) from UTF-8 bytes to the
 * correctly rounded double, like {@link Double#parseDouble}: Clinger's fast path when the decimal
 * mantissa is below 2^53 and the power of ten at most 10^22 (one IEEE multiplication or division then
 * rounds correctly), the JDK's parser otherwise. Holds the parse state; one instance per
 * {@link JsonCursor}, not thread-safe.
 */
final class JsonNumber {
    /** Powers of ten that are exact doubles. */
    private static final double[] POW10 = new double[23];
    private static final long TWO_TO_53 = 1L << 53;
    /** Significant digits kept in the mantissa; a number with more goes to the JDK's parser. */
    private static final int MAX_DIGITS = 18;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /** A malformed number: where (byte offset) and what was expected. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int offset;
        /** Whether the message should go on with what was found at the offset. */
        final boolean showFound;

        Malformed(int offset, String message, boolean showFound) {
            super(message, null, false, false);
            this.offset = offset;
            this.showFound = showFound;
        }
    }

    private byte[] b;
    private int pos;
    private long mantissa;
    private int digits;
    private int scale;

    /**
     * @param bytes the document
     * @param start offset of the number's first byte
     * @return the value; {@link #end()} is then the offset just after the number
     * @throws Malformed when the bytes at {@code start} are not a JSON number
     */
    double parse(byte[] bytes, int start) {
        b = bytes;
        pos = start;
        mantissa = 0;
        digits = 0;
        scale = 0;
        boolean negative = pos < b.length && b[pos] == '-';
        if (negative) {
            pos++;
        }
        if (pos < b.length && (b[pos] == 'I' || b[pos] == 'N')) {
            boolean nan = b[pos] == 'N';
            if (nan && negative) {
                throw new Malformed(start, "expected a number, got '-N'", false);
            }
            literal(nan ? "NaN" : "Infinity");
            return nan ? Double.NaN : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        int intStart = pos;
        if (digitRun(false) == 0) {
            throw new Malformed(pos, "expected a number", true);
        }
        if (pos - intStart > 1 && b[intStart] == '0') {
            throw new Malformed(intStart, "invalid number: leading zero", false);
        }
        if (pos < b.length && b[pos] == '.') {
            pos++;
            if (digitRun(true) == 0) {
                throw new Malformed(pos, "invalid number: expected a digit after '.'", true);
            }
        }
        int exponent = 0;
        boolean bigExponent = false;
        if (pos < b.length && (b[pos] == 'e' || b[pos] == 'E')) {
            pos++;
            boolean expNegative = pos < b.length && b[pos] == '-';
            if (pos < b.length && (b[pos] == '+' || b[pos] == '-')) {
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
                throw new Malformed(pos, "invalid number: expected a digit in the exponent", true);
            }
            if (expNegative) {
                exponent = -exponent;
            }
        }
        int e10 = scale + exponent;
        if (digits <= MAX_DIGITS && !bigExponent && mantissa < TWO_TO_53 && e10 >= -22 && e10 <= 22) {
            double v = e10 >= 0 ? mantissa * POW10[e10] : mantissa / POW10[-e10];
            return negative ? -v : v;
        }
        return Double.parseDouble(new String(b, start, pos - start, StandardCharsets.ISO_8859_1));
    }

    /** @return the offset just after the number last parsed */
    int end() {
        return pos;
    }

    /**
     * Reads a run of decimal digits into the mantissa (leading zeros are not significant; digits past
     * {@link #MAX_DIGITS} are only counted). Fraction digits kept in the mantissa lower the scale.
     *
     * @return the number of digits read
     */
    private int digitRun(boolean fraction) {
        int from = pos;
        while (pos < b.length && b[pos] >= '0' && b[pos] <= '9') {
            if (digits < MAX_DIGITS) {
                mantissa = mantissa * 10 + (b[pos] - '0');
                if (mantissa != 0) {
                    digits++;
                }
                if (fraction) {
                    scale--;
                }
            } else {
                digits++;
            }
            pos++;
        }
        return pos - from;
    }

    private void literal(String word) {
        int at = pos;
        for (int i = 0; i < word.length(); i++) {
            if (pos >= b.length || b[pos] != word.charAt(i)) {
                throw new Malformed(at, "expected '" + word + "'", true);
            }
            pos++;
        }
    }
}
