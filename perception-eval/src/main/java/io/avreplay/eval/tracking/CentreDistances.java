package io.avreplay.eval.tracking;

/**
 * The devkit's x-y centre distances between the ground truth and predictions of one frame, computed as
 * scikit-learn's {@code euclidean_distances} computes them: {@code sqrt(max(0, (-2 g.p + |g|^2) + |p|^2))},
 * not the exact distance. The dot product is OpenBLAS's with its SkylakeX kernels (the goldens were made
 * with them): {@code fma(g1, p1, g0 p0)} when both counts are at least 2 or both are 1, and
 * {@code fma(g0, p0, g1 p1)} when exactly one count is 1. In world coordinates of ~1 km this differs from
 * the exact distance by up to ~3e-8 m, which the devkit's MOTP and match decisions see. Stateless.
 */
final class CentreDistances {
    private CentreDistances() {
    }

    /**
     * @param thresholdM distances at or above it become NaN (cannot match), metres
     * @return n x m distances, row-major, metres
     */
    static double[] compute(double[] gx, double[] gy, int n, double[] px, double[] py, int m, double thresholdM) {
        double[] d = new double[n * m];
        boolean firstAxisInside = (n >= 2 && m >= 2) || (n == 1 && m == 1);
        for (int i = 0; i < n; i++) {
            double g0 = gx[i];
            double g1 = gy[i];
            double gg = g0 * g0 + g1 * g1;
            for (int j = 0; j < m; j++) {
                double p0 = px[j];
                double p1 = py[j];
                double dot = firstAxisInside ? Math.fma(g1, p1, g0 * p0) : Math.fma(g0, p0, g1 * p1);
                double d2 = (-2 * dot + gg) + (p0 * p0 + p1 * p1);
                double dist = Math.sqrt(Math.max(d2, 0));
                d[i * m + j] = dist >= thresholdM ? Double.NaN : dist;
            }
        }
        return d;
    }
}
