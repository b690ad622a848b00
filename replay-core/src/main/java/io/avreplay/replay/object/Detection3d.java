package io.avreplay.replay.object;

import java.util.List;
import java.util.Objects;

/**
 * One 3D detection, from the detector through the metrics, gates and exporters. The velocity and the
 * box are in the same frame ({@link Box3d#frame()}).
 *
 * @param box        the detected box
 * @param category   class name, normally an evaluation class of {@link CategoryTable}
 * @param score      confidence, finite and &gt;= 0 (detectors give [0, 1]; submissions may exceed 1)
 * @param vx         velocity along the frame's x, metres per second; {@code NaN} when unknown
 * @param vy         velocity along the frame's y, metres per second; {@code NaN} when unknown
 * @param attributes attribute names (e.g. {@code vehicle.moving}); empty when none
 * @param trackId    the track this detection belongs to; {@link #NO_TRACK} ("") when untracked
 * @param trackScore the tracker's confidence in the track; {@code NaN} when untracked
 * @param modelId    the producing model's id ({@code ModelCard.id}); "" when not produced by a model
 *                   (e.g. read back from a file that does not name one)
 */
public record Detection3d(Box3d box, String category, double score, double vx, double vy, List<String> attributes,
        String trackId, double trackScore, String modelId) {
    /** The {@link #trackId} of an untracked detection. */
    public static final String NO_TRACK = "";

    public Detection3d {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(modelId, "modelId");
        attributes = List.copyOf(attributes);
        if (!(score >= 0) || Double.isInfinite(score)) {
            throw new IllegalArgumentException("detection score must be finite and >= 0, got " + score);
        }
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw new IllegalArgumentException("velocity must be finite or NaN, got [" + vx + ", " + vy + "]");
        }
        if (Double.isInfinite(trackScore)) {
            throw new IllegalArgumentException("trackScore must be finite or NaN, got " + trackScore);
        }
    }

    /** @return an untracked detection with no attributes from no named model */
    public static Detection3d of(Box3d box, String category, double score, double vx, double vy) {
        return new Detection3d(box, category, score, vx, vy, List.of(), NO_TRACK, Double.NaN, "");
    }

    /**
     * @param attribute one attribute name, or "" for none (formats with a single attribute field)
     * @return the attribute list: empty for "", else the one name
     */
    public static List<String> attributeList(String attribute) {
        return attribute.isEmpty() ? List.of() : List.of(attribute);
    }

    /** @return true when both velocity components are known */
    public boolean hasVelocity() {
        return !Double.isNaN(vx) && !Double.isNaN(vy);
    }

    /** @return the first attribute, or "" when there is none (formats with one attribute per box) */
    public String attribute() {
        return attributes.isEmpty() ? "" : attributes.get(0);
    }

    /** @return this detection with another box (e.g. moved to another frame) and velocity */
    public Detection3d withBox(Box3d newBox, double newVx, double newVy) {
        return new Detection3d(newBox, category, score, newVx, newVy, attributes, trackId, trackScore, modelId);
    }

    /** @return this detection with another category */
    public Detection3d withCategory(String newCategory) {
        return new Detection3d(box, newCategory, score, vx, vy, attributes, trackId, trackScore, modelId);
    }

    /** @return this detection attributed to a model */
    public Detection3d withModelId(String newModelId) {
        return new Detection3d(box, category, score, vx, vy, attributes, trackId, trackScore, newModelId);
    }
}
