package io.avreplay.scenario.gate;

/** The 101-point precision curve and AP of nuScenes, on weighted frames. Pure functions. */
final class ApCurve {
    static final int POINTS = 101;

    private ApCurve() {
    }

    /**
     * Interpolated precision at recall 0, 0.01, …, 1 ({@code np.interp(grid, rec, prec, right=0)}), with
     * each frame's predictions and ground truth counted {@code w[frame]} times.
     *
     * @return the curve, or null when the weighted frames hold no ground truth
     */
    static double[] precisionGrid(CenterDistanceScorer.ClassData d, int k, int[] w) {
        long npos = 0;
        for (int f = 0; f < w.length; f++) {
            npos += (long) w[f] * d.gtPerFrame()[f];
        }
        if (npos == 0) {
            return null;
        }
        int n = d.predFrame().length;
        double[] rec = new double[n];
        double[] prec = new double[n];
        int m = 0;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < n; i++) {
            int wf = w[d.predFrame()[i]];
            if (wf == 0) {
                continue;
            }
            if (d.tp()[k][i]) {
                tp += wf;
            } else {
                fp += wf;
            }
            rec[m] = tp / (double) npos;
            prec[m] = tp / (double) (tp + fp);
            m++;
        }
        double[] grid = new double[POINTS];
        int j = -1;
        for (int g = 0; g < POINTS; g++) {
            double r = g / (double) (POINTS - 1);
            while (j + 1 < m && rec[j + 1] <= r) {
                j++;
            }
            if (m == 0) {
                grid[g] = 0;
            } else if (j < 0) {
                grid[g] = prec[0];
            } else if (j == m - 1) {
                grid[g] = rec[j] == r ? prec[j] : 0;
            } else {
                double t = (r - rec[j]) / (rec[j + 1] - rec[j]);
                grid[g] = prec[j] + t * (prec[j + 1] - prec[j]);
            }
        }
        return grid;
    }

    /** nuScenes AP: mean of max(precision − 0.1, 0) above recall 0.1, scaled by 1/(1 − 0.1); NaN for null. */
    static double ap(double[] grid) {
        if (grid == null) {
            return Double.NaN;
        }
        int first = (int) Math.round(100 * CenterDistanceScorer.MIN_RECALL) + 1;
        double sum = 0;
        for (int i = first; i < POINTS; i++) {
            sum += Math.max(grid[i] - CenterDistanceScorer.MIN_PRECISION, 0);
        }
        return sum / (POINTS - first) / (1 - CenterDistanceScorer.MIN_PRECISION);
    }
}
