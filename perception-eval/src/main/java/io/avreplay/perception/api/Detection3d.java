package io.avreplay.perception.api;

import io.avreplay.replay.log.Box3d;
import java.util.Objects;

/**
 * One 3D object found by a lidar detector.
 *
 * @param category class name from the model card, e.g. {@code car} (nuScenes detection names)
 * @param box      the box in the <b>ego frame</b> of the sweep's timestamp: centre metres, size metres,
 *                 yaw radians about +z from ego +x
 * @param score    confidence in [0, 1]
 * @param vx       velocity along ego x, m/s, or NaN when the model does not estimate velocity
 * @param vy       velocity along ego y, m/s, or NaN when the model does not estimate velocity
 */
public record Detection3d(String category, Box3d box, double score, double vx, double vy) {
    /** @throws IllegalArgumentException when a field is missing or the score is outside [0, 1] */
    public Detection3d {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], got " + score);
        }
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw new IllegalArgumentException("velocity must be finite or NaN, got [" + vx + ", " + vy + "]");
        }
    }
}
