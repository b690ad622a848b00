package io.avreplay.scenario.gate;

import io.avreplay.replay.log.Box3d;
import java.util.Objects;

/**
 * One detection of a model at one timestamp, box in the ego frame of that timestamp (as the log's
 * ground truth).
 *
 * @param category  class name, e.g. {@code car}
 * @param box       ego frame, metres and radians
 * @param vx        velocity along ego x, m/s; NaN when not predicted
 * @param vy        velocity along ego y, m/s; NaN when not predicted
 * @param score     confidence, finite and {@code >= 0}
 * @param attribute attribute name, empty when none
 */
public record EgoDetection(String category, Box3d box, double vx, double vy, double score, String attribute) {
    /** @throws IllegalArgumentException when the score is negative or not finite */
    public EgoDetection {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(attribute, "attribute");
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("detection score must be finite and >= 0, got " + score);
        }
    }
}
