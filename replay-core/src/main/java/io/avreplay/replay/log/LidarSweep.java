package io.avreplay.replay.log;

import java.util.Objects;

/**
 * One lidar sweep as parallel primitive arrays, points in the sensor frame (metres). No object per
 * point. The arrays are owned by this record once constructed; callers must not mutate them.
 *
 * @param sensorId    lidar id
 * @param timestampNs sweep reference time, ns
 * @param x, y, z     coordinates, metres, sensor frame
 * @param intensity   return intensity (0..1 for synthesized data; sensor units for imported data)
 * @param ring        beam index 0..255 (unsigned byte)
 * @param offsetNs    per-point time offset from {@code timestampNs}, ns
 */
public record LidarSweep(String sensorId, long timestampNs, float[] x, float[] y, float[] z, float[] intensity,
        byte[] ring, int[] offsetNs) implements SensorFrame {
    public LidarSweep {
        Objects.requireNonNull(sensorId, "sensorId");
        int n = x.length;
        if (y.length != n || z.length != n || intensity.length != n || ring.length != n || offsetNs.length != n) {
            throw new IllegalArgumentException("lidar sweep arrays must have equal length " + n + ", got y="
                    + y.length + " z=" + z.length + " intensity=" + intensity.length + " ring=" + ring.length
                    + " offset_ns=" + offsetNs.length);
        }
    }

    /** @return number of points */
    public int size() {
        return x.length;
    }

    /** @return the beam index of point {@code i}, 0..255 */
    public int ringOf(int i) {
        return ring[i] & 0xFF;
    }

    @Override
    public StreamKind kind() {
        return StreamKind.LIDAR;
    }
}
