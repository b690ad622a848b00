package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * AP, recall and precision of the objects a filter selects, from frames matched once. AP follows the
 * nuScenes definition: precision interpolated linearly (NumPy {@code interp}, 0 beyond the last recall) on
 * 101 recall points, points at recall &lt;= 0.1 dropped, precision reduced by 0.1 and clipped at 0, mean
 * divided by 0.9. It has no class range of its own: the filter's bin replaces it. Every value takes frame
 * weights (how often each frame counts; a detection of a frame of weight w counts w times, in place).
 * Undefined values are NaN: AP and recall without counted ground truth, precision without detections.
 * Immutable, thread-safe.
 */
public final class BinMetrics {
    private static final double MIN_RECALL = 0.1;
    private static final double MIN_PRECISION = 0.1;
    private final boolean[] truePositive;
    private final int[] frameOf;
    private final int[] truthPerFrame;

    private BinMetrics(boolean[] truePositive, int[] frameOf, int[] truthPerFrame) {
        this.truePositive = truePositive;
        this.frameOf = frameOf;
        this.truthPerFrame = truthPerFrame;
    }

    /** Collects the filter's detections (by descending score) and counted ground truth per frame. */
    public static BinMetrics of(List<MatchedFrame> frames, ObjectFilter filter) {
        record Det(double score, boolean tp, int frame) { }
        List<Det> dets = new ArrayList<>();
        int[] truth = new int[frames.size()];
        for (int f = 0; f < frames.size(); f++) {
            MatchedFrame fr = frames.get(f);
            for (ObjectRow g : fr.truth()) {
                if (Placement.truth(g, filter) == Placement.COUNTED) {
                    truth[f]++;
                }
            }
            for (ObjectRow d : fr.detections()) {
                Placement p = Placement.detection(fr, d, filter);
                if (p == Placement.TRUE_POSITIVE || p == Placement.FALSE_POSITIVE) {
                    dets.add(new Det(d.score(), p == Placement.TRUE_POSITIVE, f));
                }
            }
        }
        dets.sort((a, b) -> Double.compare(b.score(), a.score()));
        boolean[] tp = new boolean[dets.size()];
        int[] frameOf = new int[dets.size()];
        for (int i = 0; i < tp.length; i++) {
            tp[i] = dets.get(i).tp();
            frameOf[i] = dets.get(i).frame();
        }
        return new BinMetrics(tp, frameOf, truth);
    }

    /** @return counted ground truth, weighted */
    public long truth(int[] weights) {
        long n = 0;
        for (int f = 0; f < truthPerFrame.length; f++) {
            n += (long) weights[f] * truthPerFrame[f];
        }
        return n;
    }

    /** @return true positives (weighted) */
    public long truePositives(int[] weights) {
        long n = 0;
        for (int i = 0; i < truePositive.length; i++) {
            n += truePositive[i] ? weights[frameOf[i]] : 0;
        }
        return n;
    }

    /** @return detections in the filter (weighted) */
    public long detections(int[] weights) {
        long n = 0;
        for (int f : frameOf) {
            n += weights[f];
        }
        return n;
    }

    /** @return recall at every score, NaN without counted ground truth */
    public double recall(int[] weights) {
        long npos = truth(weights);
        return npos == 0 ? Double.NaN : (double) truePositives(weights) / npos;
    }

    /** @return precision at every score, NaN without detections */
    public double precision(int[] weights) {
        long n = detections(weights);
        return n == 0 ? Double.NaN : (double) truePositives(weights) / n;
    }

    /** @return nuScenes-style AP, NaN without counted ground truth */
    public double ap(int[] weights) {
        long npos = truth(weights);
        if (npos == 0) {
            return Double.NaN;
        }
        long total = detections(weights);
        double[] rec = new double[(int) total];
        double[] prec = new double[(int) total];
        long tp = 0;
        int k = 0;
        for (int i = 0; i < truePositive.length; i++) {
            for (int r = 0; r < weights[frameOf[i]]; r++) {
                tp += truePositive[i] ? 1 : 0;
                rec[k] = (double) tp / npos;
                prec[k] = (double) tp / (k + 1);
                k++;
            }
        }
        if (k == 0) {
            return 0;
        }
        double sum = 0;
        int first = (int) Math.round(100 * MIN_RECALL) + 1;
        for (int g = first; g <= 100; g++) {
            sum += Math.max(interp(g / 100.0, rec, prec) - MIN_PRECISION, 0);
        }
        return sum / (101 - first) / (1 - MIN_PRECISION);
    }

    /** NumPy {@code interp(x, xp, fp, right=0)} for non-decreasing {@code xp}. */
    static double interp(double x, double[] xp, double[] fp) {
        int n = xp.length;
        if (x < xp[0]) {
            return fp[0];
        }
        if (x > xp[n - 1]) {
            return 0;
        }
        int j = Arrays.binarySearch(xp, x);
        if (j >= 0) {
            while (j + 1 < n && xp[j + 1] == x) {
                j++;
            }
            return fp[j];
        }
        int hi = -j - 1;
        int lo = hi - 1;
        return fp[lo] + (x - xp[lo]) * (fp[hi] - fp[lo]) / (xp[hi] - xp[lo]);
    }
}
