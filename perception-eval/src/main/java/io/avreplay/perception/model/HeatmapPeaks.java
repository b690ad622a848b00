package io.avreplay.perception.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The peaks of a CenterNet head's class heatmaps, the first step of decoding both the lidar and the camera
 * network: a cell is a peak when its logit reaches the score threshold's logit and no 3×3 neighbour in the
 * same class plane is higher (ties go to the first cell in scan order, so a plateau yields one peak).
 * Stateless and thread-safe.
 */
public final class HeatmapPeaks {
    private HeatmapPeaks() {
    }

    /**
     * One peak.
     *
     * @param score      the cell's sigmoid score, (0, 1)
     * @param classIndex its class plane
     * @param row        its output-grid row
     * @param col        its output-grid column
     */
    public record Peak(float score, int classIndex, int row, int col) {
    }

    /**
     * @param out            the network output; class planes first, channel-major over a {@code rows × cols}
     *                       grid
     * @param offset         where this sample's output starts in {@code out}
     * @param classes        the number of class planes
     * @param scoreThreshold the least sigmoid score of a peak, in (0, 1)
     * @return the peaks, best score first (equal scores in plane, row, column order)
     */
    public static List<Peak> find(float[] out, int offset, int classes, int rows, int cols, double scoreThreshold) {
        int plane = rows * cols;
        float logit = (float) Math.log(scoreThreshold / (1 - scoreThreshold));
        List<Peak> peaks = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int base = offset + k * plane;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    float v = out[base + r * cols + c];
                    if (v >= logit && isPeak(out, base, rows, cols, r, c, v)) {
                        peaks.add(new Peak(sigmoid(v), k, r, c));
                    }
                }
            }
        }
        peaks.sort((a, b) -> Float.compare(b.score(), a.score()));
        return peaks;
    }

    /** The logistic function, as a float. */
    public static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    private static boolean isPeak(float[] a, int base, int rows, int cols, int r, int c, float v) {
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                int rr = r + dr;
                int cc = c + dc;
                if ((dr == 0 && dc == 0) || rr < 0 || rr >= rows || cc < 0 || cc >= cols) {
                    continue;
                }
                float n = a[base + rr * cols + cc];
                // ties go to the first cell in scan order so a plateau yields one peak
                if (n > v || (n == v && (dr < 0 || (dr == 0 && dc < 0)))) {
                    return false;
                }
            }
        }
        return true;
    }
}
