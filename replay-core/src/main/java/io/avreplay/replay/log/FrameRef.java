package io.avreplay.replay.log;

import java.util.Objects;

/**
 * Names one frame of one stream of one log: enough to find it again and to say which frame an error
 * or a result is about.
 *
 * @param logId       the log's id (from its manifest)
 * @param kind        the stream kind
 * @param sensorId    the stream's sensor id ({@code annotations} for 3D ground truth)
 * @param index       position in the stream, 0-based, in timestamp order
 * @param timestampNs the frame's timestamp, ns
 */
public record FrameRef(String logId, StreamKind kind, String sensorId, int index, long timestampNs) {
    public FrameRef {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sensorId, "sensorId");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    /** @return e.g. {@code lidar lidar_top #3 at 1700000000300000000 ns (log drive-1)} */
    @Override
    public String toString() {
        return kind.id() + " " + sensorId + " #" + index + " at " + timestampNs + " ns (log " + logId + ")";
    }
}
