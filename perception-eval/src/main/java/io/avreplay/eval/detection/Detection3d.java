package io.avreplay.eval.detection;

import java.util.Objects;

/**
 * One predicted 3D object.
 *
 * @param sampleToken the sample (frame) the prediction belongs to, non-empty
 * @param box         the box in the world frame
 * @param velocity    the predicted velocity, possibly {@link Velocity#UNKNOWN}
 * @param className   the detection class name, e.g. {@code car}
 * @param score       the confidence, finite and {@code >= 0}
 * @param attribute   the attribute name, empty when none
 */
public record Detection3d(String sampleToken, Box3d box, Velocity velocity, String className, double score,
        String attribute) {
    /** @throws IllegalArgumentException when a field is missing or the score is negative or not finite */
    public Detection3d {
        Objects.requireNonNull(sampleToken, "sampleToken");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(velocity, "velocity");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(attribute, "attribute");
        if (sampleToken.isEmpty()) {
            throw new IllegalArgumentException("sampleToken must not be empty");
        }
        if (!Double.isFinite(score) || score < 0) {
            throw new IllegalArgumentException("detection_score must be finite and >= 0, got " + score);
        }
    }
}
