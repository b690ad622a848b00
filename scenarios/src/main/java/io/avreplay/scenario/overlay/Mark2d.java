package io.avreplay.scenario.overlay;

import java.util.Objects;

/**
 * One box on a camera image.
 *
 * @param status   what it stands for
 * @param category class name
 * @param x1       left edge, pixels
 * @param y1       top edge, pixels
 * @param x2       right edge, pixels ({@code > x1})
 * @param y2       bottom edge, pixels ({@code > y1})
 * @param score    detection confidence in [0, 1], or NaN for ground truth
 * @param trackId  the ground-truth track id, or "" for detections
 */
public record Mark2d(MatchStatus status, String category, double x1, double y1, double x2, double y2, double score,
        String trackId) {
    /** @throws IllegalArgumentException when a field is missing or the box is empty */
    public Mark2d {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        if (!(x2 > x1 && y2 > y1)) {
            throw new IllegalArgumentException("box must have x2 > x1 and y2 > y1, got [" + x1 + ", " + y1 + ", " + x2
                    + ", " + y2 + "]");
        }
    }

    /** @return the label drawn beside the box: class, then score or track id when present */
    public String label() {
        return Labels.of(category, score, trackId);
    }
}
