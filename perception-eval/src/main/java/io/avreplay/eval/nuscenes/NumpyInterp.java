package io.avreplay.eval.nuscenes;

/**
 * One-dimensional linear interpolation with exactly NumPy's {@code np.interp} rules, which the devkit's
 * curves depend on: {@code xp} non-decreasing with repeats allowed; a query equal to a repeated
 * {@code xp} value takes the {@code fp} of the last repeat; below {@code xp[0]} gives {@code left}, above
 * the last gives {@code right}.
 */
final class NumpyInterp {
    private NumpyInterp() {
    }

    static double[] interp(double[] x, double[] xp, double[] fp, double left, double right) {
        int n = xp.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (Double.isNaN(v)) {
                out[i] = v;
            } else if (v < xp[0]) {
                out[i] = left;
            } else if (v > xp[n - 1]) {
                out[i] = right;
            } else {
                int j = lastAtMost(xp, v);
                if (j == n - 1 || xp[j] == v) {
                    out[i] = fp[j];
                } else {
                    double slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
                    double r = slope * (v - xp[j]) + fp[j];
                    if (Double.isNaN(r)) {
                        r = slope * (v - xp[j + 1]) + fp[j + 1];
                        if (Double.isNaN(r) && fp[j] == fp[j + 1]) {
                            r = fp[j];
                        }
                    }
                    out[i] = r;
                }
            }
        }
        return out;
    }

    /** @return the largest j with {@code xp[j] <= v}; requires {@code xp[0] <= v} */
    private static int lastAtMost(double[] xp, double v) {
        int lo = 0;
        int hi = xp.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v >= xp[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }
}
