package io.avreplay.eval.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reproductions D3d/D11 of the 2026-12 reliability report for KITTI label files. */
class KittiReaderStrictnessTest {
    private static final String CAR = "Car 0.00 0 -1.57 100.00 100.00 200.00 200.00 1.50 1.60 3.90 1.00 1.50 10.00 0.00";

    @TempDir
    Path dir;

    private String error(String content) throws IOException {
        Path f = Files.writeString(dir.resolve("000001.txt"), content);
        return assertThrows(BadInputException.class, () -> KittiLabelReader.readFile(f, false)).getMessage();
    }

    @Test
    void aLabelThatLinksToDevZeroIsRefusedAtOnce() throws IOException {
        Path gt = Files.createDirectories(dir.resolve("gt"));
        Files.writeString(gt.resolve("000001.txt"), CAR + "\n");
        Files.createSymbolicLink(gt.resolve("zzzz.txt"), Path.of("/dev/zero"));
        String msg = assertThrows(BadInputException.class, () -> KittiLabelReader.readDirectory(gt, false)).getMessage();
        assertEquals(gt.resolve("zzzz.txt") + ": not a regular file (a KITTI label must be a plain text file)", msg);
    }

    @Test
    void anOverlongLineIsRefusedWithItsLineNumber() throws IOException {
        String msg = error(CAR + "\n" + "x".repeat(KittiLabelReader.MAX_LINE_CHARS + 1));
        assertTrue(msg.endsWith("000001.txt:2: line longer than 4096 characters; expected 15 or 16 space-separated fields"),
                msg);
    }

    @Test
    void occludedMustBeAnIntegerFromMinusOneToThree() throws IOException {
        String frac = error(CAR.replace("Car 0.00 0 ", "Car 0.00 1.7 "));
        assertTrue(frac.endsWith("000001.txt:1: field occluded: expected an integer from -1 to 3, got 1.7"), frac);
        String big = error(CAR.replace("Car 0.00 0 ", "Car 0.00 99 "));
        assertTrue(big.endsWith("field occluded: expected an integer from -1 to 3, got 99"), big);
        // DontCare lines carry -1, as in KITTI's own label files
        Path f = Files.writeString(dir.resolve("000002.txt"),
                "DontCare -1 -1 -10 503.89 169.71 590.61 190.13 -1 -1 -1 -1000 -1000 -1000 -10\n");
        assertEquals(-1, KittiLabelReader.readFile(f, false).get(0).occluded());
    }

    @Test
    void tooFewOrTooManyFieldsAreNamed() throws IOException {
        String many = error(CAR + " 0.5 7");
        assertTrue(many.endsWith("000001.txt:1: expected 15 or 16 fields (type truncated occluded alpha x1 y1 x2 y2 "
                + "height width length x y z rotation_y), got 17"), many);
    }

    @Test
    void invalidUtf8IsBadInput() throws IOException {
        Path f = Files.write(dir.resolve("000003.txt"), new byte[] {'C', 'a', 'r', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        String msg = assertThrows(BadInputException.class, () -> KittiLabelReader.readFile(f, false)).getMessage();
        assertEquals(f + ": not UTF-8 text (a malformed byte sequence)", msg);
    }
}
