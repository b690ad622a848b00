package io.avreplay.eval.detection;

import java.util.Objects;

/**
 * One ground-truth 3D object.
 *
 * @param sampleToken the sample (frame) it belongs to, non-empty
 * @param box         the box in the world frame
 * @param velocity    the annotated velocity, possibly {@link Velocity#UNKNOWN}
 * @param className   the class name, e.g. {@code car}
 * @param attribute   the attribute name, empty when none
 * @param numPoints   lidar plus radar points inside the box; 0 removes it from nuScenes scoring,
 *                    -1 means unknown (kept)
 */
public record GroundTruth3d(String sampleToken, Box3d box, Velocity velocity, String className, String attribute,
        int numPoints) {
    /** @throws IllegalArgumentException when a field is missing or {@code numPoints < -1} */
    public GroundTruth3d {
        Objects.requireNonNull(sampleToken, "sampleToken");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(attribute, "attribute");
        if (sampleToken.isEmpty()) {
            throw new IllegalArgumentException("sampleToken must not be empty");
        }
        if (numPoints < -1) {
            throw new IllegalArgumentException("num_pts must be >= 0 (or -1 for unknown), got " + numPoints);
        }
    }
}
