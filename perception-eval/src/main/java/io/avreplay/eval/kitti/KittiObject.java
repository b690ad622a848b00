package io.avreplay.eval.kitti;

import java.util.Objects;

/**
 * One line of a KITTI {@code label_2} file, in the rectified camera frame (x right, y down, z forward).
 *
 * @param type       class name, e.g. {@code Car}, {@code DontCare} (compared case-insensitively)
 * @param truncated  0..1 (-1 for detections)
 * @param occluded   0..3 (-1 for detections)
 * @param alpha      observation angle, radians; -10 means unknown (disables AOS)
 * @param x1         left, pixels
 * @param y1         top, pixels
 * @param x2         right, pixels
 * @param y2         bottom, pixels
 * @param height     metres
 * @param width      metres
 * @param length     metres
 * @param x          bottom-centre x, metres
 * @param y          bottom-centre y, metres
 * @param z          bottom-centre z, metres
 * @param rotationY  heading about the camera y axis, radians
 * @param score      detection confidence; NaN for ground truth
 */
public record KittiObject(String type, double truncated, int occluded, double alpha, double x1, double y1, double x2,
        double y2, double height, double width, double length, double x, double y, double z, double rotationY,
        double score) {
    /** @throws NullPointerException when the type is null */
    public KittiObject {
        Objects.requireNonNull(type, "type");
    }

    /** @return whether this is a ground-truth object (no score) */
    public boolean isGroundTruth() {
        return Double.isNaN(score);
    }
}
