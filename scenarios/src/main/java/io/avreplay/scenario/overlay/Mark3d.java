package io.avreplay.scenario.overlay;

import io.avreplay.replay.object.Box3d;
import java.util.Objects;

/**
 * One box on a bird's-eye view.
 *
 * @param status   what it stands for
 * @param category class name (ground truth: the log's category; detection: the model's class)
 * @param box      the box in the <b>ego frame</b> of the frame's timestamp (metres, radians)
 * @param score    detection confidence in [0, 1], or NaN for ground truth
 * @param trackId  the ground-truth track id, or "" for detections (the run writes none)
 */
public record Mark3d(MatchStatus status, String category, Box3d box, double score, String trackId) {
    /** @throws NullPointerException when a field is missing */
    public Mark3d {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(trackId, "trackId");
    }

    /** @return the label drawn beside the box: class, then score or track id when present */
    public String label() {
        return Labels.of(category, score, trackId);
    }
}
