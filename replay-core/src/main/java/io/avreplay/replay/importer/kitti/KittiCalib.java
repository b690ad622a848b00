package io.avreplay.replay.importer.kitti;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.CameraIntrinsics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One KITTI {@code calib/*.txt}: projection matrices of the rectified cameras, the rectifying rotation
 * and the Velodyne-to-camera-0 transform, all row-major.
 *
 * @param p0           3×4 projection of rectified camera 0
 * @param p2           3×4 projection of rectified camera 2 ({@code image_2})
 * @param r0Rect       3×3 rectifying rotation
 * @param veloToCam    3×4 Velodyne → (unrectified) camera 0
 * @param text         the file's content, used to tell whether two frames share a calibration
 */
record KittiCalib(double[] p0, double[] p2, double[] r0Rect, double[] veloToCam, String text) {
    static final List<String> REQUIRED = List.of("P0", "P2", "R0_rect", "Tr_velo_to_cam");

    static KittiCalib parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, double[]> rows = new HashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new BadInputException(file + " line " + (i + 1) + ": expected 'KEY: values', got '" + line + "'");
            }
            String key = line.substring(0, colon).strip();
            String[] parts = line.substring(colon + 1).strip().split("\\s+");
            double[] v = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                try {
                    v[k] = Double.parseDouble(parts[k]);
                } catch (NumberFormatException e) {
                    throw new BadInputException(file + " line " + (i + 1) + ": " + key + " value " + (k + 1)
                            + " is not a number: '" + parts[k] + "'");
                }
            }
            rows.put(key, v);
        }
        for (String key : REQUIRED) {
            if (!rows.containsKey(key)) {
                throw new BadInputException(file + ": missing " + key + " (expected keys " + String.join(", ", REQUIRED) + ")");
            }
        }
        return new KittiCalib(values(file, rows, "P0", 12), values(file, rows, "P2", 12),
                values(file, rows, "R0_rect", 9), values(file, rows, "Tr_velo_to_cam", 12), text.strip());
    }

    private static double[] values(Path file, Map<String, double[]> rows, String key, int n) {
        double[] v = rows.get(key);
        if (v.length != n) {
            throw new BadInputException(file + ": " + key + " has " + v.length + " values, expected " + n);
        }
        return v;
    }

    /** Velodyne (= ego) → rectified camera 0: {@code R0_rect · Tr_velo_to_cam}. */
    Pose veloToRect() {
        double[] r = new double[9];
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += r0Rect[3 * i + k] * veloToCam[4 * k + j];
                }
                r[3 * i + j] = s;
            }
            double s = 0;
            for (int k = 0; k < 3; k++) {
                s += r0Rect[3 * i + k] * veloToCam[4 * k + 3];
            }
            t[i] = s;
        }
        return new Pose(Quaternion.fromMatrix(r), new Vec3(t[0], t[1], t[2]));
    }

    /** Pose of rectified camera 0 in the ego frame (maps rect-camera points into the ego frame). */
    Pose rectToEgo() {
        return veloToRect().inverse();
    }

    /**
     * Pose of camera 2 in the ego frame. {@code P2 = K [I | t]}: camera-2 coordinates are the rectified
     * camera-0 coordinates shifted by {@code t = K⁻¹ · P2[:, 3]} (the stereo baseline).
     */
    Pose cam2ToEgo() {
        return new Pose(Quaternion.IDENTITY, offset(p2)).compose(veloToRect()).inverse();
    }

    static Vec3 offset(double[] p) {
        double tz = p[11];
        double ty = (p[7] - p[6] * tz) / p[5];
        double tx = (p[3] - p[1] * ty - p[2] * tz) / p[0];
        return new Vec3(tx, ty, tz);
    }

    static CameraIntrinsics intrinsics(double[] p, int width, int height) {
        return CameraIntrinsics.pinhole(p[0], p[5], p[2], p[6], width, height);
    }
}
