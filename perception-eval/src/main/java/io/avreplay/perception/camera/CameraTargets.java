package io.avreplay.perception.camera;

import io.avreplay.perception.api.DetectionClasses;
import io.avreplay.perception.api.ImageInput;
import io.avreplay.replay.log.Annotation2d;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes 2D ground truth as the camera network's target: per-class Gaussian centre heatmaps (1.0 at
 * the cell holding a centre) then the {@link #REGRESSION} channels {@code [offsetX, offsetY, log w, log h]}
 * (offsets in output cells, sizes in output cells), set only at centre cells. Boxes smaller than
 * {@link #MIN_SIDE_PX} input pixels and unknown categories are skipped. Thread-safe.
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

    /** @param stride input pixels per output cell */
    public CameraTargets(ImageInput input, List<String> classes, int stride) {
        this.input = input;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.rows = input.height() / stride;
        this.cols = input.width() / stride;
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
    public int encode(List<Annotation2d> boxes, int imageWidth, int imageHeight, boolean mirror, float[] out,
            int offset) {
        Arrays.fill(out, offset, offset + size(), 0f);
        int plane = rows * cols;
        double sx = (double) input.width() / imageWidth;
        double sy = (double) input.height() / imageHeight;
        int written = 0;
        for (Annotation2d a : boxes) {
            int k = DetectionClasses.of(a.category()).map(classes::indexOf).orElse(-1);
            double x1 = a.x1() * sx;
            double x2 = a.x2() * sx;
            if (mirror) {
                double t = input.width() - x2;
                x2 = input.width() - x1;
                x1 = t;
            }
            double w = x2 - x1;
            double h = (a.y2() - a.y1()) * sy;
            if (k < 0 || w < MIN_SIDE_PX || h < MIN_SIDE_PX) {
                continue;
            }
            double fx = (x1 + w / 2) / stride;
            double fy = (a.y1() * sy + h / 2) / stride;
            int c0 = (int) Math.floor(fx);
            int r0 = (int) Math.floor(fy);
            if (r0 < 0 || r0 >= rows || c0 < 0 || c0 >= cols) {
                continue;
            }
            int radius = Math.max(0, (int) (0.3 * Math.min(w, h) / stride));
            drawGaussian(out, offset + k * plane, r0, c0, radius);
            int base = offset + classes.size() * plane + r0 * cols + c0;
            out[base] = (float) (fx - c0);
            out[base + plane] = (float) (fy - r0);
            out[base + 2 * plane] = (float) Math.log(w / stride);
            out[base + 3 * plane] = (float) Math.log(h / stride);
            written++;
        }
        return written;
    }

    private void drawGaussian(float[] out, int planeOffset, int r0, int c0, int radius) {
        double sigma = Math.max(0.5, (2 * radius + 1) / 6.0);
        for (int dr = -radius; dr <= radius; dr++) {
            for (int dc = -radius; dc <= radius; dc++) {
                int r = r0 + dr;
                int c = c0 + dc;
                if (r < 0 || r >= rows || c < 0 || c >= cols) {
                    continue;
                }
                float v = (float) Math.exp(-(dr * dr + dc * dc) / (2 * sigma * sigma));
                int idx = planeOffset + r * cols + c;
                out[idx] = Math.max(out[idx], v);
            }
        }
    }
}
