package io.avreplay.replay.object;

/**
 * The coordinate frame a {@link Box3d} (and the velocity beside it) is expressed in. All three are
 * right-handed with z up.
 */
public enum BoxFrame {
    /** A sensor's own frame (e.g. the lidar's), x forward, y left, z up. */
    SENSOR,
    /** The ego vehicle's frame at the box's timestamp, x forward, y left, z up (logs and detectors). */
    EGO,
    /** The fixed world (map, "global") frame of the log; nuScenes scores in it. */
    WORLD
}
