package io.avreplay.replay.importer.kitti;

import io.avreplay.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a KITTI {@code label_2} file. Location is the bottom centre of the box in the rectified
 * camera-0 frame (metres); {@code rotationY} is about the camera's y axis (radians); the 2D box is in
 * {@code image_2} pixels. DontCare lines carry sentinels (-1, -1000, -10) in the 3D fields.
 */
record KittiLabel(String type, float truncated, int occluded, double alpha, double x1, double y1, double x2,
        double y2, double h, double w, double l, double x, double y, double z, double rotationY, double score) {

    static final String DONT_CARE = "DontCare";

    boolean dontCare() {
        return type.equals(DONT_CARE);
    }

    /** Our category name: the KITTI type in lower case ({@code dontcare} for DontCare). */
    String category() {
        return type.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label file: 15 fields per line, or 16 with a trailing detection score.
     *
     * @throws BadInputException naming the file and line when a line has another field count or a
     *                           field is not a number
     */
    static List<KittiLabel> parseFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<KittiLabel> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                out.add(parseLine(line, file, i + 1));
            }
        }
        return out;
    }

    static KittiLabel parseLine(String line, Path file, int lineNo) {
        String[] f = line.split("\\s+");
        if (f.length != 15 && f.length != 16) {
            throw new BadInputException(file + " line " + lineNo + ": expected 15 fields (16 with a score), got "
                    + f.length);
        }
        double[] v = new double[f.length];
        for (int k = 1; k < f.length; k++) {
            try {
                v[k] = Double.parseDouble(f[k]);
            } catch (NumberFormatException e) {
                throw new BadInputException(file + " line " + lineNo + ": field " + (k + 1) + " is not a number: '"
                        + f[k] + "'");
            }
        }
        int occluded = (int) v[2];
        if (f[0].equals(DONT_CARE)) {
            occluded = 3;
        } else if (occluded < 0 || occluded > 3 || occluded != v[2]) {
            throw new BadInputException(file + " line " + lineNo + ": occluded must be 0..3, got " + f[2]);
        }
        float trunc = f[0].equals(DONT_CARE) ? Float.NaN : (float) v[1];
        return new KittiLabel(f[0], trunc, occluded, v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], f.length == 16 ? v[15] : Double.NaN);
    }
}
