package io.avreplay.replay.log;

import java.util.Objects;

/**
 * One stream as the manifest lists it.
 *
 * @param file     path of its Arrow file relative to the log directory, e.g. {@code lidar/top.arrow}
 * @param sensor   the sensor id ({@code ego} for poses, {@code annotations} for 3D ground truth, the
 *                 camera id for 2D ground truth)
 * @param kind     the stream kind
 * @param count    number of frames (sweeps, images, poses, annotated timestamps)
 * @param firstNs  timestamp of the first frame, ns ({@code 0} when empty)
 * @param lastNs   timestamp of the last frame, ns ({@code 0} when empty)
 */
public record StreamInfo(String file, String sensor, StreamKind kind, long count, long firstNs, long lastNs) {
    public StreamInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(kind, "kind");
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
    }

    /** The stream's name: the file path without {@code .arrow}, e.g. {@code camera/front}. */
    public String name() {
        return file.endsWith(".arrow") ? file.substring(0, file.length() - 6) : file;
    }
}
