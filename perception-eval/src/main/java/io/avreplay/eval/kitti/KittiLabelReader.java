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

/** Reads KITTI {@code label_2}-format text files: 15 fields, plus a score for detections. */
final class KittiLabelReader {
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
                String name = f.getFileName().toString();
                out.put(name.substring(0, name.length() - 4), readFile(f, detections));
            }
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }

    static List<KittiObject> readFile(Path file, boolean detection) {
        List<KittiObject> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.strip();
                if (!t.isEmpty()) {
                    out.add(parse(file, n, t, detection));
                }
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    private static final String[] FIELDS = {"type", "truncated", "occluded", "alpha", "x1", "y1", "x2", "y2",
        "height", "width", "length", "x", "y", "z", "rotation_y", "score"};

    static KittiObject parse(Path file, int lineNo, String line, boolean detection) {
        String[] f = line.split("\\s+");
        int need = detection ? 16 : 15;
        if (f.length < need) {
            throw new BadInputException(file + ":" + lineNo + ": expected " + need + " fields ("
                    + String.join(" ", java.util.Arrays.copyOf(FIELDS, need)) + "), got " + f.length);
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
        double score = detection ? v[15] : Double.NaN;
        return new KittiObject(f[0], v[1], (int) v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], score);
    }
}
