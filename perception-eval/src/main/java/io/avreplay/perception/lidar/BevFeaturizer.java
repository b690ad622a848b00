package io.avreplay.perception.lidar;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.replay.geometry.Pose;
import java.util.Arrays;

/**
 * Turns a lidar sweep (sensor frame) into the four-channel bird's-eye-view grid of a {@link BevGrid}
 * (channel-major, {@code [channel][row][col]}), working on the point arrays directly: no object per
 * point. Intensity is clamped to [0, 1]. Not thread-safe: it reuses scratch arrays; one per thread.
 */
public final class BevFeaturizer {
    private static final double DENSITY_NORM = Math.log(1 + 64.0);

    private final BevGrid grid;
    private final int rows;
    private final int cols;
    private final int[] count;
    private final float[] sumZ;
    private final float[] sumI;
    private final float[] maxZ;

    /** Creates a featurizer for {@code grid}. */
    public BevFeaturizer(BevGrid grid) {
        this.grid = grid;
        this.rows = grid.rows();
        this.cols = grid.cols();
        int n = rows * cols;
        this.count = new int[n];
        this.sumZ = new float[n];
        this.sumI = new float[n];
        this.maxZ = new float[n];
    }

    /** @return floats per featurized sweep, channels × rows × cols */
    public int size() {
        return BevGrid.CHANNELS * rows * cols;
    }

    /**
     * Featurizes points given in the sensor frame.
     *
     * @param x           point x, sensor frame, metres
     * @param y           point y, sensor frame, metres
     * @param z           point z, sensor frame, metres
     * @param intensity   point intensity
     * @param sensorToEgo pose of the sensor in the ego frame
     * @param egoYawRad   extra rotation about ego z applied to every point (augmentation; 0 for inference)
     * @param mirrorY     mirror ego y (augmentation; false for inference)
     * @param out         destination, {@link #size()} floats from {@code offset}; overwritten
     */
    public void featurize(float[] x, float[] y, float[] z, float[] intensity, Pose sensorToEgo, double egoYawRad,
            boolean mirrorY, float[] out, int offset) {
        Arrays.fill(count, 0);
        Arrays.fill(sumZ, 0);
        Arrays.fill(sumI, 0);
        double[] m = sensorToEgo.rotation().toMatrix();
        double c = Math.cos(egoYawRad);
        double s = Math.sin(egoYawRad);
        double tx = sensorToEgo.translation().x();
        double ty = sensorToEgo.translation().y();
        double tz = sensorToEgo.translation().z();
        double inv = 1.0 / grid.cellM();
        double zMin = grid.zMinM();
        double zMax = grid.zMaxM();
        for (int i = 0; i < x.length; i++) {
            double px = x[i];
            double py = y[i];
            double pz = z[i];
            double ex = m[0] * px + m[1] * py + m[2] * pz + tx;
            double ey = m[3] * px + m[4] * py + m[5] * pz + ty;
            double ez = m[6] * px + m[7] * py + m[8] * pz + tz;
            if (ez < zMin || ez > zMax) {
                continue;
            }
            double rx = c * ex - s * ey;
            double ry = s * ex + c * ey;
            if (mirrorY) {
                ry = -ry;
            }
            int r = (int) Math.floor((rx - grid.xMinM()) * inv);
            int col = (int) Math.floor((ry - grid.yMinM()) * inv);
            if (r < 0 || r >= rows || col < 0 || col >= cols) {
                continue;
            }
            int k = r * cols + col;
            float h = (float) (ez - zMin);
            if (count[k] == 0 || h > maxZ[k]) {
                maxZ[k] = h;
            }
            count[k]++;
            sumZ[k] += h;
            sumI[k] += Math.max(0f, Math.min(1f, intensity[i]));
        }
        writeChannels(out, offset, (float) (1.0 / (zMax - zMin)));
    }

    private void writeChannels(float[] out, int offset, float zScale) {
        int n = rows * cols;
        for (int k = 0; k < n; k++) {
            int cnt = count[k];
            if (cnt == 0) {
                out[offset + k] = 0;
                out[offset + n + k] = 0;
                out[offset + 2 * n + k] = 0;
                out[offset + 3 * n + k] = 0;
            } else {
                out[offset + k] = maxZ[k] * zScale;
                out[offset + n + k] = sumZ[k] / cnt * zScale;
                out[offset + 2 * n + k] = (float) Math.min(1.0, Math.log(1 + cnt) / DENSITY_NORM);
                out[offset + 3 * n + k] = sumI[k] / cnt;
            }
        }
    }
}
