package io.avreplay.perception.lidar;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes ego-frame ground truth as the training target of the lidar network: per-class Gaussian centre
 * heatmaps (1.0 exactly at the cell holding a centre) followed by the {@link #REGRESSION} regression
 * channels, {@code [offsetRow, offsetCol, z, log l, log w, log h, sin yaw, cos yaw]}, set only at centre
 * cells. Boxes with no lidar points and categories outside the class list are skipped. Layout is
 * channel-major over the output grid. Thread-safe (stateless apart from configuration).
 */
public final class LidarTargets {
    /** Regression channels after the heatmaps. */
    public static final int REGRESSION = 8;

    private final BevGrid grid;
    private final List<String> classes;
    private final int stride;
    private final int rows;
    private final int cols;

    /** @param stride input cells per output cell */
    public LidarTargets(BevGrid grid, List<String> classes, int stride) {
        this.grid = grid;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.rows = grid.rows() / stride;
        this.cols = grid.cols() / stride;
    }

    /** @return output channels: classes + regression */
    public int channels() {
        return classes.size() + REGRESSION;
    }

    /** @return floats per encoded target */
    public int size() {
        return channels() * rows * cols;
    }

    /**
     * Writes the target of one sweep.
     *
     * @param boxes     ground truth in the ego frame
     * @param egoYawRad rotation about ego z applied (augmentation, as given to the featurizer)
     * @param mirrorY   mirror ego y (augmentation, as given to the featurizer)
     * @return the number of centres written
     */
    public int encode(List<GroundTruth3d> boxes, double egoYawRad, boolean mirrorY, float[] out, int offset) {
        int plane = rows * cols;
        Arrays.fill(out, offset, offset + size(), 0f);
        double outCell = grid.cellM() * stride;
        double c = Math.cos(egoYawRad);
        double s = Math.sin(egoYawRad);
        int written = 0;
        for (GroundTruth3d a : boxes) {
            int k = CategoryTable.standard().evalClass(a.category()).map(classes::indexOf).orElse(-1);
            if (k < 0 || a.numPoints() == 0) {
                continue;
            }
            Box3d b = a.box();
            double x = c * b.centre().x() - s * b.centre().y();
            double y = s * b.centre().x() + c * b.centre().y();
            double yaw = b.yaw() + egoYawRad;
            if (mirrorY) {
                y = -y;
                yaw = -yaw;
            }
            double fr = (x - grid.xMinM()) / outCell;
            double fc = (y - grid.yMinM()) / outCell;
            int r0 = (int) Math.floor(fr);
            int c0 = (int) Math.floor(fc);
            if (r0 < 0 || r0 >= rows || c0 < 0 || c0 >= cols) {
                continue;
            }
            drawGaussian(out, offset + k * plane, r0, c0, radius(b, outCell));
            int base = offset + classes.size() * plane + r0 * cols + c0;
            float[] reg = {(float) (fr - r0), (float) (fc - c0), (float) b.centre().z(), (float) Math.log(b.length()),
                (float) Math.log(b.width()), (float) Math.log(b.height()), (float) Math.sin(yaw),
                (float) Math.cos(yaw)};
            for (int j = 0; j < REGRESSION; j++) {
                out[base + j * plane] = reg[j];
            }
            written++;
        }
        return written;
    }

    /** Gaussian radius in output cells: half the box's footprint diagonal, at least one cell. */
    private static int radius(Box3d b, double outCell) {
        return Math.max(1, (int) Math.round(0.5 * Math.hypot(b.length(), b.width()) / outCell * 0.5));
    }

    private void drawGaussian(float[] out, int planeOffset, int r0, int c0, int radius) {
        double sigma = (2 * radius + 1) / 6.0;
        double denom = 2 * sigma * sigma;
        for (int dr = -radius; dr <= radius; dr++) {
            int r = r0 + dr;
            if (r < 0 || r >= rows) {
                continue;
            }
            for (int dc = -radius; dc <= radius; dc++) {
                int cc = c0 + dc;
                if (cc < 0 || cc >= cols) {
                    continue;
                }
                float v = (float) Math.exp(-(dr * dr + dc * dc) / denom);
                int idx = planeOffset + r * cols + cc;
                if (v > out[idx]) {
                    out[idx] = v;
                }
            }
        }
    }
}
