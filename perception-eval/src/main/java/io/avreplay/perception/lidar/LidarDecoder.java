package io.avreplay.perception.lidar;

import io.avreplay.perception.api.BevGrid;
import io.avreplay.perception.model.HeatmapPeaks;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the lidar network's output (heatmap logits then the {@link LidarTargets#REGRESSION} regression
 * channels, channel-major over the output grid) into ego-frame boxes: a cell is a peak
 * ({@link HeatmapPeaks}) when its sigmoid score passes the threshold and no 3×3 neighbour in the same class is higher; peaks are
 * sorted by score and a peak whose centre lies within {@code nmsRadiusM} of a kept same-class box is
 * suppressed. Velocity is NaN (single-sweep model). Thread-safe.
 */
public final class LidarDecoder {
    private final BevGrid grid;
    private final List<String> classes;
    private final int stride;
    private final double scoreThreshold;
    private final double nmsRadiusM;
    private final int maxDetections;

    /** Creates a decoder; see {@link io.avreplay.perception.api.ModelCard} for the parameters. */
    public LidarDecoder(BevGrid grid, List<String> classes, int stride, double scoreThreshold, double nmsRadiusM,
            int maxDetections) {
        this.grid = grid;
        this.classes = List.copyOf(classes);
        this.stride = stride;
        this.scoreThreshold = scoreThreshold;
        this.nmsRadiusM = nmsRadiusM;
        this.maxDetections = maxDetections;
    }

    /** @return detections, best score first */
    public List<Detection3d> decode(float[] out, int offset) {
        int rows = grid.rows() / stride;
        int cols = grid.cols() / stride;
        int plane = rows * cols;
        List<HeatmapPeaks.Peak> peaks = HeatmapPeaks.find(out, offset, classes.size(), rows, cols, scoreThreshold);
        List<Detection3d> kept = new ArrayList<>();
        List<Integer> keptClass = new ArrayList<>();
        int regBase = offset + classes.size() * plane;
        double outCell = grid.cellM() * stride;
        for (HeatmapPeaks.Peak p : peaks) {
            if (kept.size() >= maxDetections) {
                break;
            }
            int k = p.classIndex();
            int idx = p.row() * cols + p.col();
            double x = grid.xMinM() + (p.row() + out[regBase + idx]) * outCell;
            double y = grid.yMinM() + (p.col() + out[regBase + plane + idx]) * outCell;
            if (suppressed(kept, keptClass, k, x, y)) {
                continue;
            }
            double z = out[regBase + 2 * plane + idx];
            double l = Math.exp(clampLog(out[regBase + 3 * plane + idx]));
            double w = Math.exp(clampLog(out[regBase + 4 * plane + idx]));
            double h = Math.exp(clampLog(out[regBase + 5 * plane + idx]));
            double yaw = Math.atan2(out[regBase + 6 * plane + idx], out[regBase + 7 * plane + idx]);
            kept.add(Detection3d.of(Box3d.ego(new Vec3(x, y, z), l, w, h, yaw), classes.get(k), p.score(), Double.NaN,
                    Double.NaN));
            keptClass.add(k);
        }
        return kept;
    }

    private boolean suppressed(List<Detection3d> kept, List<Integer> keptClass, int k, double x, double y) {
        for (int i = 0; i < kept.size(); i++) {
            if (keptClass.get(i) == k) {
                Vec3 c = kept.get(i).box().centre();
                if (Math.hypot(c.x() - x, c.y() - y) < nmsRadiusM) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keeps exp() of a regressed log size between 5 cm and 30 m. */
    private static double clampLog(float v) {
        return Math.max(Math.log(0.05), Math.min(Math.log(30), v));
    }
}
