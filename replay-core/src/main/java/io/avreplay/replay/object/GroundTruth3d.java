package io.avreplay.replay.object;

import java.util.List;
import java.util.Objects;

/**
 * One ground-truth 3D object (an annotation): in a log's annotation stream (ego frame) and in the
 * evaluators' input (world frame for nuScenes). The velocity and the box are in the same frame.
 *
 * @param box        the annotated box
 * @param category   class name in the source taxonomy (map it with {@link CategoryTable})
 * @param trackId the object's instance (track) id, stable across frames; "" when unknown
 * @param numPoints  lidar (+ radar) points inside the box; {@link #UNKNOWN_POINTS} (-1) when unknown
 * @param vx         velocity along the frame's x, metres per second; {@code NaN} when unknown
 * @param vy         velocity along the frame's y, metres per second; {@code NaN} when unknown
 * @param attributes attribute names (e.g. {@code vehicle.parked}); empty when none
 * @param visibility fraction of the object visible, 0..1; {@code NaN} when unknown
 */
public record GroundTruth3d(Box3d box, String category, String trackId, int numPoints, double vx, double vy,
        List<String> attributes, float visibility) {
    /** The {@link #numPoints} of an object whose point count is not known. */
    public static final int UNKNOWN_POINTS = -1;

    public GroundTruth3d {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(trackId, "trackId");
        attributes = List.copyOf(attributes);
        if (numPoints < UNKNOWN_POINTS) {
            throw new IllegalArgumentException("numPoints must be >= 0 (or -1 for unknown), got " + numPoints);
        }
        if (Double.isInfinite(vx) || Double.isInfinite(vy)) {
            throw new IllegalArgumentException("velocity must be finite or NaN, got [" + vx + ", " + vy + "]");
        }
    }

    /** @return the first attribute, or "" when there is none (formats with one attribute per box) */
    public String attribute() {
        return attributes.isEmpty() ? "" : attributes.get(0);
    }

    /** @return true when both velocity components are known */
    public boolean hasVelocity() {
        return !Double.isNaN(vx) && !Double.isNaN(vy);
    }

    /** @return this object with another box (e.g. moved to another frame) and velocity */
    public GroundTruth3d withBox(Box3d newBox, double newVx, double newVy) {
        return new GroundTruth3d(newBox, category, trackId, numPoints, newVx, newVy, attributes, visibility);
    }

    /** @return this object with another category */
    public GroundTruth3d withCategory(String newCategory) {
        return new GroundTruth3d(box, newCategory, trackId, numPoints, vx, vy, attributes, visibility);
    }
}
