package io.avreplay.eval.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.avreplay.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a metric input and the contract every metric reader keeps under them: either a
 * result, or a {@link BadInputException} whose one-line message names an input file; never another
 * exception, an {@link Error} or a message with a Java class name or a {@code null} cause. Used by the fuzz
 * tests of the COCO, KITTI and nuScenes readers; stateless.
 */
public final class InputFuzzer {
    /** Tokens that break JSON or KITTI text in the ways the reliability report found, plus a few more. */
    private static final List<String> TOKENS = List.of("null", "\"x\"", "-1", "0", "1e400", "-1e400", "NaN", "Infinity",
            "[", "]", "{", "}", ",", ":", "\"", "100.5", "1180591620717411303424", "true", "false", "\"\\u0000\"",
            "\"\\ud800\"", "\\", "\n", "\r\n", "\t", " ", "-0", "1e-400", "9223372036854775808", "[[[[[[[[", "}}}}",
            "\"image_id\"", "\"bbox\"", "\"score\"", "\"results\"", "\"sample_token\"", "\"translation\"", "Car", "DontCare",
            "nan", "0x1p3", "\u00ff", "\ufeff");

    private InputFuzzer() {
    }

    /** What a case ran: nothing, or it threw. */
    @FunctionalInterface
    public interface Case {
        /** Reads and, where it succeeds, checks the result; throws what the reader threw. */
        void run() throws Exception;
    }

    /** A case that knows its seed (for its failure messages). */
    @FunctionalInterface
    public interface SeededCase {
        /** Reads and, where it succeeds, checks the result; throws what the reader threw. */
        void run(long seed) throws Exception;
    }

    /**
     * The fuzz loop of a reader of two inputs: for each of {@code cases} seeds from {@code firstSeed}, the
     * seed's random picks which input to mutate ({@link #mutate}), both are written, and {@code score} runs
     * under {@link #check}. Fails unless both outcomes occur more than 50 times: a fuzzer whose mutations all
     * fail (or all pass) tests nothing.
     *
     * @param gtText   the ground truth (written UTF-8 to {@code gtFile})
     * @param predText the predictions (written UTF-8 to {@code predFile})
     * @throws IOException when a file cannot be written
     */
    public static void fuzzPair(long firstSeed, int cases, String gtText, Path gtFile, String predText,
            Path predFile, SeededCase score) throws IOException {
        byte[] gt = gtText.getBytes(StandardCharsets.UTF_8);
        byte[] pred = predText.getBytes(StandardCharsets.UTF_8);
        int scored = 0;
        int refused = 0;
        for (long seed = firstSeed; seed < firstSeed + cases; seed++) {
            Random r = new Random(seed);
            boolean mutateGt = r.nextBoolean();
            Files.write(gtFile, mutateGt ? mutate(gt, r) : gt);
            Files.write(predFile, mutateGt ? pred : mutate(pred, r));
            long s = seed;
            if (check(seed, List.of(gtFile, predFile), () -> score.run(s))) {
                scored++;
            } else {
                refused++;
            }
        }
        assertTrue(scored > 50 && refused > 50, "scored " + scored + ", refused " + refused);
    }

    /**
     * Returns {@code base} mutated once (three cases in four) or up to four times, chosen by {@code random}:
     * a flipped bit, random bytes, a deleted or duplicated range, an inserted token, a truncation, or a
     * number replaced by a token.
     */
    public static byte[] mutate(byte[] base, Random random) {
        byte[] b = base;
        int n = random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 1;
        for (int i = 0; i < n; i++) {
            b = mutateOnce(b, random);
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, Random r) {
        if (b.length == 0) {
            return token(r);
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> {
                byte[] c = b.clone();
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                return c;
            }
            case 2 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(40));
                return concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, at + len, b.length));
            }
            case 3 -> {
                int len = Math.min(b.length - at, 1 + r.nextInt(200));
                return concat(Arrays.copyOfRange(b, 0, at + len), Arrays.copyOfRange(b, at, b.length));
            }
            case 4 -> {
                return concat(concat(Arrays.copyOfRange(b, 0, at), token(r)), Arrays.copyOfRange(b, at, b.length));
            }
            case 5 -> {
                return Arrays.copyOf(b, at);
            }
            default -> {
                return replaceNumber(b, at, r);
            }
        }
    }

    private static byte[] replaceNumber(byte[] b, int from, Random r) {
        int s = from;
        while (s < b.length && !(Character.isDigit(b[s]) || b[s] == '-')) {
            s++;
        }
        int e = s;
        while (e < b.length && (Character.isDigit(b[e]) || b[e] == '.' || b[e] == '-' || b[e] == 'e' || b[e] == 'E')) {
            e++;
        }
        return concat(concat(Arrays.copyOfRange(b, 0, s), token(r)), Arrays.copyOfRange(b, e, b.length));
    }

    private static byte[] token(Random r) {
        return TOKENS.get(r.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /**
     * Runs one case and fails the test, naming the seed, unless it keeps the contract.
     *
     * @param files the input files; a bad-input message must name one of them
     * @return whether the case produced a result (false: it was refused as bad input)
     */
    public static boolean check(long seed, List<Path> files, Case c) {
        try {
            c.run();
            return true;
        } catch (BadInputException e) {
            String m = e.getMessage();
            if (m == null || m.contains("\n") || m.contains("\r")) {
                fail("seed " + seed + ": message not one line: " + m);
            }
            if (files.stream().noneMatch(f -> m.contains(f.toString()))) {
                fail("seed " + seed + ": message names no input file: " + m);
            }
            if (m.contains("(null)") || m.matches(".*\\b(java|javax|com|org)\\.[a-z]+\\.[A-Za-z.]*.*")
                    || m.matches(".*\\b[A-Z][A-Za-z]*(Exception|Error)\\b.*")) {
                fail("seed " + seed + ": message leaks a null cause or a Java class name: " + m);
            }
            return false;
        } catch (Throwable t) {
            throw new AssertionError("seed " + seed + ": expected a result or BadInputException, got " + t, t);
        }
    }
}
