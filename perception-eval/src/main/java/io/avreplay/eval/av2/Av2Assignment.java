package io.avreplay.eval.av2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * av2's {@code assign} and true-positive errors for one sweep and category, with its floating-point order:
 * SciPy {@code cdist} distances (sequential sum of squared differences), NumPy's 3D norm, the axis-aligned
 * IoU of the sizes, and the yaw of each (normalised) quaternion wrapped to [0, pi]. Stateless.
 */
final class Av2Assignment {
    private Av2Assignment() {
    }

    /**
     * @param dRows evaluated detection rows, best score first
     * @param gRows evaluated annotation rows, in sweep order
     * @return per detection row: one 0/1 flag per affinity threshold, then ATE, ASE, AOE (av2's defaults for
     *         detections that are not true positives at the TP threshold)
     */
    static Map<Integer, double[]> assign(Av2Config cfg, Av2Table dt, List<Integer> dRows, Av2Table gt,
            List<Integer> gRows) {
        int t = cfg.affinityThresholdsM().size();
        Map<Integer, double[]> out = new HashMap<>();
        for (int row : dRows) {
            double[] m = new double[t + 3];
            m[t] = cfg.tpThresholdM();
            m[t + 1] = 1.0;
            m[t + 2] = Math.PI;
            out.put(row, m);
        }
        if (dRows.isEmpty() || gRows.isEmpty()) {
            return out;
        }
        int ng = gRows.size();
        int[] firstDt = new int[ng];
        double[] firstDist = new double[ng];
        java.util.Arrays.fill(firstDt, -1);
        for (int i = 0; i < dRows.size(); i++) {
            int dr = dRows.get(i) * 10;
            int best = 0;
            double bestAffinity = Double.NaN;
            for (int j = 0; j < ng; j++) {
                double a = -cdist(dt.cuboid, dr, gt.cuboid, gRows.get(j) * 10);
                if (j == 0 || a > bestAffinity || (Double.isNaN(a) && !Double.isNaN(bestAffinity))) {
                    best = j;
                    bestAffinity = a;
                    if (Double.isNaN(a)) {
                        break;
                    }
                }
            }
            if (firstDt[best] < 0) {
                firstDt[best] = i;
                firstDist[best] = bestAffinity;
            }
        }
        for (int j = 0; j < ng; j++) {
            if (firstDt[j] < 0) {
                continue;
            }
            int dRow = dRows.get(firstDt[j]);
            double[] m = out.get(dRow);
            for (int k = 0; k < t; k++) {
                double th = cfg.affinityThresholdsM().get(k);
                if (firstDist[j] > -th) {
                    m[k] = 1;
                    if (th == cfg.tpThresholdM()) {
                        errors(dt, dRow, gt, gRows.get(j), m, t);
                    }
                }
            }
        }
        return out;
    }

    private static void errors(Av2Table dt, int dRow, Av2Table gt, int gRow, double[] m, int t) {
        double[] d = dt.cuboid;
        double[] g = gt.cuboid;
        int a = dRow * 10;
        int b = gRow * 10;
        double dx = d[a] - g[b];
        double dy = d[a + 1] - g[b + 1];
        double dz = d[a + 2] - g[b + 2];
        m[t] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double inter = Math.min(d[a + 3], g[b + 3]) * Math.min(d[a + 4], g[b + 4]) * Math.min(d[a + 5], g[b + 5]);
        double union = Math.max(d[a + 3], g[b + 3]) * Math.max(d[a + 4], g[b + 4]) * Math.max(d[a + 5], g[b + 5]);
        m[t + 1] = 1 - inter / union;
        Av2Accumulator.requireQuaternion(dt, dRow);
        Av2Accumulator.requireQuaternion(gt, gRow);
        m[t + 2] = wrap(yaw(d, a + 6) - yaw(g, b + 6));
    }

    /** 3D distance as SciPy's {@code cdist} sums it: |dx|^2, then |dy|^2, then |dz|^2, from 0. */
    private static double cdist(double[] d, int a, double[] g, int b) {
        double s = 0;
        for (int k = 0; k < 3; k++) {
            double diff = Math.abs(d[a + k] - g[b + k]);
            s += diff * diff;
        }
        return Math.sqrt(s);
    }

    /** Yaw (extrinsic z angle) of the quaternion (w, x, y, z) at {@code off}, after normalising it. */
    static double yaw(double[] c, int off) {
        double w = c[off];
        double x = c[off + 1];
        double y = c[off + 2];
        double z = c[off + 3];
        double n = Math.sqrt(x * x + y * y + z * z + w * w);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return Math.atan2(2 * (x * y + z * w), x * x - y * y - z * z + w * w);
    }

    /** av2's {@code wrap_angles}: |a| mapped into [0, pi] with period pi. */
    static double wrap(double angle) {
        double a = Math.abs(angle);
        return a >= Math.PI ? Math.PI - a % Math.PI : a;
    }
}
