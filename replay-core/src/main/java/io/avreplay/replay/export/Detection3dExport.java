package io.avreplay.replay.export;

import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.replay.object.Box3d;
import java.util.Objects;

/**
 * A 3D detection (or a ground-truth box) to export, box in the ego frame at {@code timestampNs}.
 *
 * @param timestampNs the lidar timestamp it belongs to, ns
 * @param category    class name, e.g. {@code car}
 * @param box         the box, ego frame
 * @param vx, vy      velocity in the ego frame, m/s; NaN when unknown
 * @param score       confidence 0..1; NaN for ground truth
 * @param attribute   e.g. {@code vehicle.moving}; empty when none
 * @param numPoints   lidar points inside the box for ground truth (written as {@code num_pts}); -1 for
 *                    detections
 */
public record Detection3dExport(long timestampNs, String category, Box3d box, double vx, double vy, double score,
        String attribute, int numPoints) {
    /** A detection (no point count). */
    public Detection3dExport(long timestampNs, String category, Box3d box, double vx, double vy, double score,
            String attribute) {
        this(timestampNs, category, box, vx, vy, score, attribute, -1);
    }

    /** Validates. */
    public Detection3dExport {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(attribute, "attribute");
    }

    /** Ground truth of a log as an export record (score NaN). */
    public static Detection3dExport groundTruth(long timestampNs, GroundTruth3d a) {
        return new Detection3dExport(timestampNs, a.category(), a.box(), a.vx(), a.vy(), Double.NaN, a.attribute(),
                a.numPoints());
    }

    /** @return this record with another category (e.g. mapped to a benchmark's class names) */
    public Detection3dExport withCategory(String newCategory) {
        return new Detection3dExport(timestampNs, newCategory, box, vx, vy, score, attribute, numPoints);
    }

    /** @return true when this is ground truth (no score) */
    public boolean isGroundTruth() {
        return Double.isNaN(score);
    }
}
