package io.avreplay.eval.kitti;

import io.avreplay.error.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads KITTI {@code label_2}-format text files: 15 fields, plus a score for detections (a 16th field is
 * allowed, and ignored, in ground truth). Strict where the KITTI devkit's format says so: {@code occluded}
 * is an integer from -1 (DontCare) to 3. Only regular files are read, at most {@value #MAX_FILE_BYTES}
 * bytes each and {@value #MAX_LINE_CHARS} characters a line, so a label that is a link to a device
 * or a huge file fails with a one-line {@link BadInputException} instead of exhausting memory.
 */
final class KittiLabelReader {
    /** Largest label file read, bytes (a KITTI label file is a few kB). */
    static final long MAX_FILE_BYTES = 64L << 20;
    /** Longest label line read, characters (16 numbers and a class name take about 120). */
    static final int MAX_LINE_CHARS = 4096;

    private KittiLabelReader() {
    }

    /** @return frame id (file name without {@code .txt}) to its objects, sorted by id */
    static Map<String, List<KittiObject>> readDirectory(Path dir, boolean detections) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": not a directory of KITTI label files");
        }
        Map<String, List<KittiObject>> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                checkRegular(f);
                String name = f.getFileName().toString();
                out.put(name.substring(0, name.length() - 4), readFile(f, detections));
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    static List<KittiObject> readFile(Path file, boolean detection) {
        checkRegular(file);
        List<KittiObject> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            int n = 0;
            boolean more = true;
            while (more) {
                more = readLine(r, line, file, n + 1);
                n++;
                String t = line.toString().strip();
                if (!t.isEmpty()) {
                    out.add(parse(file, n, t, detection));
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text (a malformed byte sequence)", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static void checkRegular(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file (a KITTI label must be a plain text file)");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BadInputException(file + ": " + size + " bytes; a KITTI label file may have at most "
                        + MAX_FILE_BYTES);
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one line into {@code line} (cleared first); @return whether more lines may follow. */
    private static boolean readLine(BufferedReader r, StringBuilder line, Path file, int lineNo) throws IOException {
        line.setLength(0);
        int c;
        while ((c = r.read()) >= 0) {
            if (c == '\n') {
                return true;
            }
            if (line.length() == MAX_LINE_CHARS) {
                throw new BadInputException(file + ":" + lineNo + ": line longer than " + MAX_LINE_CHARS
                        + " characters; expected " + "15 or 16 space-separated fields");
            }
            line.append((char) c);
        }
        return false;
    }

    private static final String[] FIELDS = {"type", "truncated", "occluded", "alpha", "x1", "y1", "x2", "y2",
        "height", "width", "length", "x", "y", "z", "rotation_y", "score"};

    static KittiObject parse(Path file, int lineNo, String line, boolean detection) {
        String[] f = line.split("\\s+");
        int need = detection ? 16 : 15;
        if (f.length < need || f.length > FIELDS.length) {
            throw new BadInputException(file + ":" + lineNo + ": expected " + need + (need < FIELDS.length ? " or "
                    + FIELDS.length : "") + " fields (" + String.join(" ", java.util.Arrays.copyOf(FIELDS, need))
                    + "), got " + f.length);
        }
        double[] v = new double[16];
        for (int i = 1; i < need; i++) {
            try {
                v[i] = Double.parseDouble(f[i]);
            } catch (NumberFormatException e) {
                throw new BadInputException(file + ":" + lineNo + ": field " + FIELDS[i] + ": expected a number, got '"
                        + f[i] + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw new BadInputException(file + ":" + lineNo + ": field " + FIELDS[i]
                        + ": expected a finite number, got " + f[i]);
            }
        }
        if (v[2] != Math.rint(v[2]) || v[2] < -1 || v[2] > 3) {
            throw new BadInputException(file + ":" + lineNo + ": field occluded: expected an integer from -1 to 3, got "
                    + f[2]);
        }
        double score = detection ? v[15] : Double.NaN;
        return new KittiObject(f[0], v[1], (int) v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], score);
    }
}
