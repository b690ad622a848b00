package io.avreplay.perception.api;

/** What a model detects. */
public enum ModelTask {
    /** 3D boxes in the ego frame from one lidar sweep. */
    LIDAR_3D,
    /** 2D boxes in pixels from one camera image. */
    CAMERA_2D
}
