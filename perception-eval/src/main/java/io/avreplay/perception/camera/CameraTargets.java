package io.avreplay.perception.camera;

import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.GroundTruth2d;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes 2D ground truth as the camera network's target: per-class Gaussian centre heatmaps (1.0 at
 * the cell holding a centre) then the {@link #REGRESSION} channels {@code [offsetX, offsetY, log w, log h]}
 * (offsets from the cell's corner to the box centre in output cells, sizes in output cells). Regression
 * targets are written at every cell where the box's Gaussian reaches {@code regressionMinHeat} (1: the
 * centre cell alone); where two boxes' Gaussians meet, the higher value owns the cell, which is the
 * value the heatmap keeps, so {@link io.avreplay.perception.model.CenterNetLoss} with the same minimum
 * finds a regression target at every cell it regresses. Boxes smaller than {@link #MIN_SIDE_PX} input
 * pixels and unknown categories are skipped. Thread-safe.
 */
public final class CameraTargets {
    /** Regression channels after the heatmaps. */
    public static final int REGRESSION = 4;
    /** Boxes narrower or lower than this, in network-input pixels, are not trained on. */
    public static final double MIN_SIDE_PX = 2;

    private final ImageInput input;
    private final List<String> classes;
    private final int stride;
    private final int rows;
    private final int cols;
    private final double regressionMinHeat;

    /** Centre-only regression. @param stride input pixels per output cell */
    public CameraTargets(ImageInput input, List<String> classes, int stride) {
        this(input, classes, stride, 1.0);
    }

    /**
     * @param stride            input pixels per output cell
     * @param regressionMinHeat write regression targets where the box's Gaussian is at least this, in (0, 1]
     */
    public CameraTargets(ImageInput input, List<String> classes, int stride, double regressionMinHeat) {
        if (!(regressionMinHeat > 0 && regressionMinHeat <= 1)) {
            throw new IllegalArgumentException("regressionMinHeat must be in (0, 1], got " + regressionMinHeat);
        }
        this.input = input;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.rows = input.height() / stride;
        this.cols = input.width() / stride;
        this.regressionMinHeat = regressionMinHeat;
    }

    /** @return floats per target */
    public int size() {
        return (classes.size() + REGRESSION) * rows * cols;
    }

    /**
     * Writes the target of one image.
     *
     * @param imageWidth  original image width, px
     * @param imageHeight original image height, px
     * @param mirror      flip left-right, as given to the preprocessor
     * @return centres written
     */
    public int encode(List<GroundTruth2d> boxes, int imageWidth, int imageHeight, boolean mirror, float[] out,
            int offset) {
        Arrays.fill(out, offset, offset + size(), 0f);
        int plane = rows * cols;
        double sx = (double) input.width() / imageWidth;
        double sy = (double) input.height() / imageHeight;
        int written = 0;
        float[] owner = new float[plane];
        for (GroundTruth2d a : boxes) {
            int k = CategoryTable.standard().evalClass(a.category()).map(classes::indexOf).orElse(-1);
            double x1 = a.box().x1() * sx;
            double x2 = a.box().x2() * sx;
            if (mirror) {
                double t = input.width() - x2;
                x2 = input.width() - x1;
                x1 = t;
            }
            double w = x2 - x1;
            double h = (a.box().y2() - a.box().y1()) * sy;
            if (k < 0 || w < MIN_SIDE_PX || h < MIN_SIDE_PX) {
                continue;
            }
            double fx = (x1 + w / 2) / stride;
            double fy = (a.box().y1() * sy + h / 2) / stride;
            int c0 = (int) Math.floor(fx);
            int r0 = (int) Math.floor(fy);
            if (r0 < 0 || r0 >= rows || c0 < 0 || c0 >= cols) {
                continue;
            }
            int radius = Math.max(0, (int) (0.3 * Math.min(w, h) / stride));
            drawGaussian(out, offset, k * plane, owner, fx, fy, Math.log(w / stride), Math.log(h / stride), r0, c0,
                    radius);
            written++;
        }
        return written;
    }

    /**
     * Draws one box's Gaussian into its class plane (keeping the maximum) and writes its regression
     * targets at the cells it owns: those where its value reaches the minimum and beats every earlier box's.
     */
    private void drawGaussian(float[] out, int offset, int classPlane, float[] owner, double fx, double fy,
            double logW, double logH, int r0, int c0, int radius) {
        int plane = rows * cols;
        double sigma = Math.max(0.5, (2 * radius + 1) / 6.0);
        for (int dr = -radius; dr <= radius; dr++) {
            for (int dc = -radius; dc <= radius; dc++) {
                int r = r0 + dr;
                int c = c0 + dc;
                if (r < 0 || r >= rows || c < 0 || c >= cols) {
                    continue;
                }
                float v = (float) Math.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
                int cell = r * cols + c;
                int idx = offset + classPlane + cell;
                out[idx] = Math.max(out[idx], v);
                if (v >= regressionMinHeat - 1e-6 && v > owner[cell]) {
                    owner[cell] = v;
                    int base = offset + classes.size() * plane + cell;
                    out[base] = (float) (fx - c);
                    out[base + plane] = (float) (fy - r);
                    out[base + 2 * plane] = (float) logW;
                    out[base + 3 * plane] = (float) logH;
                }
            }
        }
    }
}
