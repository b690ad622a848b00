package io.avreplay.perception.run;

import java.util.Objects;

/**
 * How {@link RunPipeline} runs.
 *
 * @param cameraRate  which camera frames go through the camera detector
 * @param lidarBatch  sweeps per detector call (batching amortises per-call overhead)
 * @param cameraId    the camera to run (empty: the log's first camera)
 */
public record RunOptions(CameraRate cameraRate, int lidarBatch, String cameraId) {
    /** Which camera frames are detected. */
    public enum CameraRate {
        /** The camera frame synced to each lidar sweep (the lidar rate). */
        SYNCED,
        /** Every camera frame. */
        FULL
    }

    public RunOptions {
        Objects.requireNonNull(cameraRate, "cameraRate");
        Objects.requireNonNull(cameraId, "cameraId");
        if (lidarBatch < 1) {
            throw new IllegalArgumentException("lidarBatch must be >= 1, got " + lidarBatch);
        }
    }

    public static RunOptions defaults() {
        return new RunOptions(CameraRate.SYNCED, 4, "");
    }
}
