package io.avreplay.eval.nuscenes;

import java.util.List;

/** The devkit's summary functions over curves, pure. */
final class NuScenesMetrics {
    private NuScenesMetrics() {
    }

    /** First curve index used: Python's {@code round(100 * min_recall) + 1} (half to even). */
    static int firstIndex(double minRecall) {
        return (int) Math.rint(100 * minRecall) + 1;
    }

    /** AP: mean over recall above min_recall of max(precision - min_precision, 0), scaled by 1/(1 - min_precision). */
    static double averagePrecision(DetectionCurve c, double minRecall, double minPrecision) {
        List<Double> p = c.precision();
        int from = firstIndex(minRecall);
        if (from >= p.size()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = from; i < p.size(); i++) {
            sum += Math.max(p.get(i) - minPrecision, 0);
        }
        return sum / (p.size() - from) / (1.0 - minPrecision);
    }

    /** A TP error: mean of the curve from just above min_recall to the highest recall reached, else 1. */
    static double tpError(DetectionCurve c, double minRecall, TpMetric m) {
        int first = firstIndex(minRecall);
        int last = c.maxRecallIndex();
        if (last < first) {
            return 1.0;
        }
        List<Double> e = c.errors().get(m);
        double sum = 0;
        for (int i = first; i <= last; i++) {
            sum += e.get(i);
        }
        return sum / (last - first + 1);
    }

    static double mean(List<Double> values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.isEmpty() ? Double.NaN : s / values.size();
    }

    /** Mean of the non-NaN values; NaN when there are none. */
    static double nanMean(List<Double> values) {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** 1 - error, at least 0; NaN gives 0 (Python's {@code max(0.0, nan)}). */
    static double tpScore(double error) {
        double s = 1.0 - error;
        return s > 0.0 ? s : 0.0;
    }
}
