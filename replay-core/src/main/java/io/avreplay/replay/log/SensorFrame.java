package io.avreplay.replay.log;

/** A frame produced by a physical sensor: a lidar sweep or a camera image. */
public sealed interface SensorFrame permits LidarSweep, CameraFrame {
    /** @return the sensor id */
    String sensorId();

    /** @return capture time, ns (for a sweep: its reference time; points carry offsets) */
    long timestampNs();

    /** @return the stream kind ({@link StreamKind#LIDAR} or {@link StreamKind#CAMERA}) */
    StreamKind kind();
}
