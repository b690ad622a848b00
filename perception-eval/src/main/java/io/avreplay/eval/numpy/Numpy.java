package io.avreplay.eval.numpy;

/**
 * Bit-for-bit reimplementations of the few NumPy 1.24 float64 routines the reference evaluators rely on.
 * Stateless and thread-safe; no method keeps or modifies its array arguments.
 */
public final class Numpy {
    private static final int BLOCK = 128;

    private Numpy() {
    }

    /**
     * {@code np.sum} of a contiguous float64 array: the reduction starts from 0.0 and adds NumPy's pairwise
     * sum (sequential below 8 values, eight interleaved accumulators up to 128, halves above).
     *
     * @param a     values
     * @param from  first index, inclusive
     * @param to    last index, exclusive
     * @return the sum, as NumPy computes it
     */
    public static double sum(double[] a, int from, int to) {
        return 0.0 + pairwise(a, from, to - from);
    }

    /** @return {@link #sum} over the whole array */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** @return {@code np.mean}: {@link #sum} divided by the count; NaN for an empty array */
    public static double mean(double[] a) {
        return a.length == 0 ? Double.NaN : sum(a) / a.length;
    }

    private static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[off];
            double r1 = a[off + 1];
            double r2 = a[off + 2];
            double r3 = a[off + 3];
            double r4 = a[off + 4];
            double r5 = a[off + 5];
            double r6 = a[off + 6];
            double r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }

    /**
     * {@code np.interp(x, xp, fp, left=fp[0], right=right)}: {@code xp} must be non-decreasing (repeats
     * allowed: a query at or above a repeated value uses its last repeat).
     *
     * @throws IllegalArgumentException when {@code xp} is empty or the lengths differ
     */
    public static double[] interp(double[] x, double[] xp, double[] fp, double right) {
        if (xp.length == 0 || xp.length != fp.length) {
            throw new IllegalArgumentException("interp: xp and fp must be non-empty and of equal length, got "
                    + xp.length + " and " + fp.length);
        }
        return interp(x, xp, fp, fp[0], right);
    }

    /**
     * {@code np.interp(x, xp, fp, left, right)}: as {@link #interp(double[], double[], double[], double)}
     * with an explicit value below {@code xp[0]}.
     *
     * @throws IllegalArgumentException when {@code xp} is empty or the lengths differ
     */
    public static double[] interp(double[] x, double[] xp, double[] fp, double left, double right) {
        if (xp.length == 0 || xp.length != fp.length) {
            throw new IllegalArgumentException("interp: xp and fp must be non-empty and of equal length, got "
                    + xp.length + " and " + fp.length);
        }
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

    /**
     * {@code np.linspace(start, stop, num)} with the end point: {@code i * step + start}, the last value
     * exactly {@code stop}.
     *
     * @throws IllegalArgumentException when {@code num < 1}
     */
    public static double[] linspace(double start, double stop, int num) {
        if (num < 1) {
            throw new IllegalArgumentException("linspace: num must be >= 1, got " + num);
        }
        double[] y = new double[num];
        int div = num - 1;
        double delta = stop - start;
        double step = div > 0 ? delta / div : Double.NaN;
        for (int i = 0; i < num; i++) {
            if (div == 0) {
                y[i] = start;
            } else if (step == 0) {
                y[i] = (double) i / div * delta + start;
            } else {
                y[i] = i * step + start;
            }
        }
        if (num > 1) {
            y[num - 1] = stop;
        }
        return y;
    }

    /** @return {@code np.round(v, decimals)} for {@code decimals >= 0}: {@code rint(v * 10^d) / 10^d} */
    public static double round(double v, int decimals) {
        double f = Math.pow(10.0, decimals);
        return Math.rint(v * f) / f;
    }
}
