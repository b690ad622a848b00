package io.avreplay.replay.arrow;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A borrowed, zero-copy view of one lidar sweep's columns inside the reader's Arrow memory (sensor
 * frame, metres). Valid only during the callback of {@link LidarStream#withView}; never keep the
 * buffers. Use {@link LidarStream#read} for an owned copy.
 *
 * @param sensorId    lidar id
 * @param timestampNs sweep time, ns
 * @param size        number of points
 * @param x, y, z     coordinates, read-only, absolute indexing {@code 0..size-1}
 * @param intensity   intensities, read-only
 * @param ring        beam indices as unsigned bytes, read-only
 * @param offsetNs    per-point time offsets, ns, read-only
 */
public record LidarPointsView(String sensorId, long timestampNs, int size, FloatBuffer x, FloatBuffer y, FloatBuffer z,
        FloatBuffer intensity, ByteBuffer ring, IntBuffer offsetNs) {
}
