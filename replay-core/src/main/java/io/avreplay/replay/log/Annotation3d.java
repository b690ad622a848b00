package io.avreplay.replay.log;

import java.util.Objects;

/**
 * One 3D ground-truth object at one annotated timestamp, box in the ego frame.
 *
 * @param trackId         identity that persists while the object is in range
 * @param category        class name, e.g. {@code car}, {@code pedestrian}, {@code pothole}
 * @param box             the box, ego frame
 * @param vx, vy          velocity in the ego frame, m/s; NaN when unknown
 * @param numLidarPoints  lidar points inside the box in this sweep (0 = not observed by lidar)
 * @param attribute       e.g. {@code vehicle.moving}, {@code pedestrian.standing}; empty when none
 * @param visibility      visible fraction 0..1 (1 = fully visible); NaN when unknown
 */
public record Annotation3d(String trackId, String category, Box3d box, double vx, double vy, int numLidarPoints,
        String attribute, float visibility) {
    public Annotation3d {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(attribute, "attribute");
        if (numLidarPoints < 0) {
            throw new IllegalArgumentException("numLidarPoints must be >= 0, got " + numLidarPoints);
        }
    }
}
