package io.avreplay.eval.tracking;

import java.util.Arrays;

/**
 * The minimum-cost assignment exactly as py-motmetrics 1.4.0 obtains it from SciPy 1.10's
 * {@code linear_sum_assignment}: forbidden pairs (NaN) get a cost larger than any feasible assignment,
 * a tall matrix is solved transposed, the shortest augmenting path (Crouse 2016) breaks ties the same way
 * (columns scanned from the last, a free column preferred among equal costs), and pairs that landed on a
 * forbidden cost are dropped. The tie-breaking matters: it decides between equally distant matches.
 * Stateless; thread-safe.
 */
final class LinearSumAssignment {
    private LinearSumAssignment() {
    }

    /**
     * @param cost rows x cols, row-major; NaN or infinite = forbidden
     * @return for each row the assigned column, or -1
     */
    static int[] solve(double[] cost, int rows, int cols) {
        int[] colForRow = new int[rows];
        Arrays.fill(colForRow, -1);
        if (rows == 0 || cols == 0) {
            return colForRow;
        }
        double maxAbs = -1;
        boolean anyInvalid = false;
        for (double c : cost) {
            if (Double.isFinite(c)) {
                maxAbs = Math.max(maxAbs, Math.abs(c));
            } else {
                anyInvalid = true;
            }
        }
        if (maxAbs < 0) {
            return colForRow;
        }
        double[] finite = cost.clone();
        if (anyInvalid) {
            double large = 2.0 * Math.min(rows, cols) * (maxAbs + 1) + 1;
            for (int i = 0; i < finite.length; i++) {
                if (!Double.isFinite(finite[i])) {
                    finite[i] = large;
                }
            }
        }
        boolean transpose = cols < rows;
        int nr = rows;
        int nc = cols;
        if (transpose) {
            double[] t = new double[finite.length];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j * rows + i] = finite[i * cols + j];
                }
            }
            finite = t;
            nr = cols;
            nc = rows;
        }
        int[] col4row = shortestAugmentingPath(finite, nr, nc);
        for (int i = 0; i < nr; i++) {
            int r = transpose ? col4row[i] : i;
            int c = transpose ? i : col4row[i];
            if (Double.isFinite(cost[r * cols + c])) {
                colForRow[r] = c;
            }
        }
        return colForRow;
    }

    /** Crouse's shortest augmenting path for nr <= nc; returns the column of each row. */
    private static int[] shortestAugmentingPath(double[] cost, int nr, int nc) {
        double[] u = new double[nr];
        double[] v = new double[nc];
        double[] spc = new double[nc];
        int[] path = new int[nc];
        Arrays.fill(path, -1);
        int[] col4row = new int[nr];
        Arrays.fill(col4row, -1);
        int[] row4col = new int[nc];
        Arrays.fill(row4col, -1);
        boolean[] sr = new boolean[nr];
        boolean[] sc = new boolean[nc];
        int[] remaining = new int[nc];
        for (int cur = 0; cur < nr; cur++) {
            for (int it = 0; it < nc; it++) {
                remaining[it] = nc - it - 1;
            }
            int numRemaining = nc;
            Arrays.fill(sr, false);
            Arrays.fill(sc, false);
            Arrays.fill(spc, Double.POSITIVE_INFINITY);
            double minVal = 0;
            int i = cur;
            int sink = -1;
            while (sink == -1) {
                int index = -1;
                double lowest = Double.POSITIVE_INFINITY;
                sr[i] = true;
                for (int it = 0; it < numRemaining; it++) {
                    int j = remaining[it];
                    double r = minVal + cost[i * nc + j] - u[i] - v[j];
                    if (r < spc[j]) {
                        path[j] = i;
                        spc[j] = r;
                    }
                    if (spc[j] < lowest || (spc[j] == lowest && row4col[j] == -1)) {
                        lowest = spc[j];
                        index = it;
                    }
                }
                minVal = lowest;
                if (minVal == Double.POSITIVE_INFINITY) {
                    throw new IllegalStateException("infeasible assignment");
                }
                int j = remaining[index];
                if (row4col[j] == -1) {
                    sink = j;
                } else {
                    i = row4col[j];
                }
                sc[j] = true;
                remaining[index] = remaining[--numRemaining];
            }
            u[cur] += minVal;
            for (int r = 0; r < nr; r++) {
                if (sr[r] && r != cur) {
                    u[r] += minVal - spc[col4row[r]];
                }
            }
            for (int c = 0; c < nc; c++) {
                if (sc[c]) {
                    v[c] -= minVal - spc[c];
                }
            }
            int j = sink;
            while (true) {
                int r = path[j];
                row4col[j] = r;
                int tmp = col4row[r];
                col4row[r] = j;
                j = tmp;
                if (r == cur) {
                    break;
                }
            }
        }
        return col4row;
    }
}
