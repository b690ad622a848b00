package io.avreplay.replay.log;

import java.util.Locale;

/** The kinds of time-indexed streams a log v1 holds. */
public enum StreamKind {
    /** Lidar sweeps, one Arrow record batch per sweep, points in the sensor frame. */
    LIDAR,
    /** Encoded camera images, one row per frame. */
    CAMERA,
    /** Ego→world poses and ego velocity. */
    EGO_POSE,
    /** 3D ground-truth boxes in the ego frame, one batch per annotated (lidar) timestamp. */
    ANNOTATIONS_3D,
    /** 2D ground-truth boxes in pixels, one batch per annotated camera frame. */
    ANNOTATIONS_2D;

    /** @return the lower-case name used in the manifest and on the command line */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a manifest or command-line name such as {@code lidar} or {@code annotations_3d}. */
    public static StreamKind fromId(String id) {
        for (StreamKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown stream kind '" + id + "'");
    }

    /** @return true for streams produced by a physical sensor (lidar and camera) */
    public boolean isSensor() {
        return this == LIDAR || this == CAMERA;
    }
}
