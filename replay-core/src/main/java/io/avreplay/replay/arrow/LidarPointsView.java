package io.avreplay.replay.arrow;

import io.avreplay.replay.log.LidarSweep;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;

/**
 * A read-only view of one lidar sweep's columns without a Java object per point (sensor frame, metres).
 * Who owns the memory depends on where the view came from: {@link LidarStream#withView} lends the
 * reader's Arrow memory for the callback only (never keep those buffers); {@link LidarStream#readPoints}
 * and {@link #of(LidarSweep)} give views that stay valid while referenced. {@link #toSweep} copies.
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

    /** @return a view over the sweep's own arrays (no copy) */
    public static LidarPointsView of(LidarSweep s) {
        return new LidarPointsView(s.sensorId(), s.timestampNs(), s.size(), FloatBuffer.wrap(s.x()).asReadOnlyBuffer(),
                FloatBuffer.wrap(s.y()).asReadOnlyBuffer(), FloatBuffer.wrap(s.z()).asReadOnlyBuffer(),
                FloatBuffer.wrap(s.intensity()).asReadOnlyBuffer(), ByteBuffer.wrap(s.ring()).asReadOnlyBuffer(),
                IntBuffer.wrap(s.offsetNs()).asReadOnlyBuffer());
    }

    /** @return an owned copy of the points as primitive arrays */
    public LidarSweep toSweep() {
        float[] xs = new float[size];
        float[] ys = new float[size];
        float[] zs = new float[size];
        float[] is = new float[size];
        byte[] rs = new byte[size];
        int[] os = new int[size];
        x.get(0, xs);
        y.get(0, ys);
        z.get(0, zs);
        intensity.get(0, is);
        ring.get(0, rs);
        offsetNs.get(0, os);
        return new LidarSweep(sensorId, timestampNs, xs, ys, zs, is, rs, os);
    }
}
