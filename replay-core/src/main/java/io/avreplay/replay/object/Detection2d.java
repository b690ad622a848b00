package io.avreplay.replay.object;

import java.util.Objects;

/**
 * One 2D detection in a camera image, from the detector through the metrics and exporters.
 *
 * @param cameraId   the camera whose image the box is in (the 2D box's frame)
 * @param box        the detected box, pixels
 * @param category   class name, normally an evaluation class of {@link CategoryTable}
 * @param score      confidence, finite and &gt;= 0 (detectors give [0, 1])
 * @param trackId    the track this detection belongs to; {@link Detection3d#NO_TRACK} ("") when untracked
 * @param trackScore the tracker's confidence in the track; {@code NaN} when untracked
 * @param modelId    the producing model's id; "" when not produced by a named model
 */
public record Detection2d(String cameraId, Box2d box, String category, double score, String trackId,
        double trackScore, String modelId) {
    public Detection2d {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(modelId, "modelId");
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("detection score must be finite and >= 0, got " + score);
        }
        if (Double.isInfinite(trackScore)) {
            throw new IllegalArgumentException("trackScore must be finite or NaN, got " + trackScore);
        }
    }

    /** @return an untracked detection from no named model */
    public static Detection2d of(String cameraId, Box2d box, String category, double score) {
        return new Detection2d(cameraId, box, category, score, Detection3d.NO_TRACK, Double.NaN, "");
    }

    /** @return this detection attributed to a model */
    public Detection2d withModelId(String newModelId) {
        return new Detection2d(cameraId, box, category, score, trackId, trackScore, newModelId);
    }
}
