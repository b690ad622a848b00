package io.avreplay.eval.nuscenes;

import io.avreplay.eval.numpy.Numpy;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds the 101-point curves from accumulated matches, as the devkit's {@code accumulate} does. Pure. */
final class NuScenesCurves {
    private NuScenesCurves() {
    }

    static double[] recallGrid() {
        double[] r = new double[DetectionCurve.POINTS];
        double step = 1.0 / (DetectionCurve.POINTS - 1);
        for (int i = 0; i < r.length; i++) {
            r[i] = i * step;
        }
        r[r.length - 1] = 1.0;
        return r;
    }

    /** The curve of a class with no ground truth or no true positive: precision 0, errors 1. */
    static DetectionCurve noPredictions() {
        double[] ones = new double[DetectionCurve.POINTS];
        java.util.Arrays.fill(ones, 1.0);
        double[] zeros = new double[DetectionCurve.POINTS];
        Map<TpMetric, List<Double>> e = new EnumMap<>(TpMetric.class);
        for (TpMetric m : TpMetric.values()) {
            e.put(m, list(ones));
        }
        return new DetectionCurve(list(recallGrid()), list(zeros), list(zeros), e);
    }

    static DetectionCurve compute(ClassMatches cm, int threshold, int[] sorted) {
        if (cm.npos() == 0) {
            return noPredictions();
        }
        int n = sorted.length;
        double[] prec = new double[n];
        double[] rec = new double[n];
        double[] conf = new double[n];
        int tps = 0;
        int fps = 0;
        for (int k = 0; k < n; k++) {
            int i = sorted[k];
            if (cm.isTp(threshold, i)) {
                tps++;
            } else {
                fps++;
            }
            prec[k] = (double) tps / (double) (tps + fps);
            rec[k] = (double) tps / (double) cm.npos();
            conf[k] = cm.score(i);
        }
        if (tps == 0) {
            return noPredictions();
        }
        double[] grid = recallGrid();
        double[] precI = Numpy.interp(grid, rec, prec, prec[0], 0);
        double[] confI = Numpy.interp(grid, rec, conf, conf[0], 0);

        double[] matchConfAsc = new double[tps];
        int[] tpIdx = new int[tps];
        for (int k = 0, t = 0; k < n; k++) {
            if (cm.isTp(threshold, sorted[k])) {
                tpIdx[t] = sorted[k];
                matchConfAsc[tps - 1 - t] = cm.score(sorted[k]);
                t++;
            }
        }
        double[] confAsc = reverse(confI);
        Map<TpMetric, List<Double>> errors = new EnumMap<>(TpMetric.class);
        for (TpMetric m : TpMetric.values()) {
            double[] x = new double[tps];
            for (int t = 0; t < tps; t++) {
                x[t] = cm.error(threshold, m, tpIdx[t]);
            }
            double[] meanAsc = reverse(cumMean(x));
            double[] v = Numpy.interp(confAsc, matchConfAsc, meanAsc, meanAsc[0], meanAsc[tps - 1]);
            errors.put(m, list(reverse(v)));
        }
        return new DetectionCurve(list(grid), list(precI), list(confI), errors);
    }

    /** NaN-aware cumulative mean; all NaN gives ones, and positions before the first number give 0. */
    static double[] cumMean(double[] x) {
        double[] out = new double[x.length];
        boolean allNan = true;
        for (double v : x) {
            allNan &= Double.isNaN(v);
        }
        if (allNan) {
            java.util.Arrays.fill(out, 1.0);
            return out;
        }
        double sum = 0;
        long count = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i])) {
                sum += x[i];
                count++;
            }
            out[i] = count == 0 ? 0.0 : sum / count;
        }
        return out;
    }

    private static double[] reverse(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    static List<Double> list(double[] a) {
        List<Double> l = new ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }
}
