package io.avreplay.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The byte-level JSON reader: numbers as the JDK parses them, strictness, and error positions. */
class JsonCursorTest {
    private static final Path FILE = Path.of("in.json");

    private static JsonCursor cursor(String json) {
        return new JsonCursor(FILE, json.getBytes(StandardCharsets.UTF_8));
    }

    private static double parse(String number) {
        JsonCursor c = cursor(number);
        double v = c.number();
        c.end();
        return v;
    }

    private static String error(String json) {
        JsonCursor c = cursor(json);
        return assertThrows(BadInputException.class, () -> {
            c.skipValue();
            c.end();
        }).getMessage();
    }

    @Property(tries = 3000)
    void numbersAreTheCorrectlyRoundedDoubleOfEveryNotation(@ForAll double v) {
        if (!Double.isFinite(v)) {
            return;
        }
        // Shortest repr (what Python and Java print), plain decimal, 17 significant digits, and a short
        // fixed notation like COCO boxes.
        String[] forms = {Double.toString(v).replace("E", "e"), new BigDecimal(v).toPlainString(),
            String.format(Locale.ROOT, "%.17g", v).trim(), String.format(Locale.ROOT, "%.2f", v)};
        for (String s : forms) {
            if (s.startsWith("-0") && s.length() > 2 && s.charAt(2) != '.' && s.charAt(2) != 'e') {
                continue; // not JSON
            }
            assertEquals(Double.parseDouble(s), parse(s), s);
        }
    }

    @Property(tries = 2000)
    void shortDecimalsTakeTheFastPathAndStayExact(@ForAll @IntRange(min = 0, max = 99_999_999) int mantissa,
            @ForAll @IntRange(min = 0, max = 12) int decimals, @ForAll @IntRange(min = -30, max = 30) int exponent) {
        String digits = Integer.toString(mantissa);
        String s = decimals == 0 || decimals >= digits.length() ? digits
                : digits.substring(0, digits.length() - decimals) + "." + digits.substring(digits.length() - decimals);
        String withExp = s + "e" + exponent;
        assertEquals(Double.parseDouble(s), parse(s), s);
        assertEquals(Double.parseDouble(withExp), parse(withExp), withExp);
        assertEquals(Double.parseDouble("-" + withExp), parse("-" + withExp), withExp);
    }

    @Test
    void edgeNumbers() {
        // More than 18 significant digits, huge and tiny exponents, and the values Python writes for
        // non-finite floats.
        for (String s : new String[] {"12345678901234567890123", "0.1000000000000000055511151231257827",
            "9007199254740993", "1e308", "1e309", "4.9e-324", "2e-400", "1E+2", "0e0", "-0.0", "123.456e-7"}) {
            assertEquals(Double.parseDouble(s), parse(s), s);
        }
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(parse("-0")));
        assertTrue(Double.isNaN(parse("NaN")));
        assertEquals(Double.POSITIVE_INFINITY, parse("Infinity"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-Infinity"));
    }

    @Test
    void rejectsWhatJsonRejects() {
        assertTrue(error("01").contains("leading zero"), error("01"));
        assertTrue(error("1.").contains("digit after '.'"));
        assertTrue(error("1e").contains("exponent"));
        assertTrue(error("-").contains("expected a number"));
        assertTrue(error("+1").contains("expected a value"));
        assertTrue(error("[1,]").contains("expected a value"));
        assertTrue(error("{\"a\" 1}").contains("expected ':'"));
        assertTrue(error("{\"a\": 1,}").contains("expected a string"));
        assertTrue(error("[1 2]").contains("expected ',' or ']'"));
        assertTrue(error("\"a\tb\"").contains("control character"));
        assertTrue(error("\"\\x\"").contains("invalid escape"));
        assertTrue(error("\"\\u12G4\"").contains("hex digit"));
        assertTrue(error("tru").contains("expected 'true'"));
        assertTrue(error("[] []").contains("after the end of the document"));
        assertTrue(error("[").contains("the end of the input"));
        assertTrue(error("\"abc").contains("end of input inside a string"));
        assertTrue(error("[" + "[".repeat(1100) + "]".repeat(1100) + "]").contains("nesting deeper"));
    }

    @Test
    void rejectsMalformedUtf8InStrings() {
        byte[] bad = {'"', 'a', (byte) 0xC3, '"'}; // a lead byte without its continuation
        JsonCursor c = new JsonCursor(FILE, bad);
        assertTrue(assertThrows(BadInputException.class, c::skipValue).getMessage().contains("UTF-8"));
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
        assertThrows(BadInputException.class, () -> new JsonCursor(FILE, overlong).string());
    }

    @Test
    void stringsDecodeEscapesAndUtf8() {
        assertEquals("a\"b\\c/\n\t\u00e9\u4e2d\ud83d\ude97", cursor("\"a\\\"b\\\\c\\/\\n\\t\u00e9\u4e2d\\ud83d\\ude97\"").string());
    }

    @Test
    void keysMatchByBytesOrAfterDecodingEscapes() {
        byte[][] names = JsonCursor.names("id", "bbox");
        JsonCursor c = cursor("{\"bbox\": 1, \"b\\u0062ox\": 2, \"idx\": 3, \"id\": 4}");
        c.enter('{', "x");
        int[] expected = {1, 1, -1, 0};
        for (int i = 0; i < expected.length; i++) {
            assertTrue(c.more('}', i == 0, "x"));
            assertEquals(expected[i], c.key(names, "x"));
            assertEquals(i + 1, c.number());
        }
        assertFalse(c.more('}', false, "x"));
        c.end();
    }

    @Test
    void errorsNameFileLineAndColumn() {
        // The bad token 'x' is on line 3, column 5 (1-based); a byte-order mark is skipped.
        String msg = error("\ufeff[1,\n 2,\n    x]");
        assertTrue(msg.startsWith("in.json:3:5: "), msg);
    }
}
