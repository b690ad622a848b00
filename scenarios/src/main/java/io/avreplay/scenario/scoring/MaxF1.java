package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The score threshold of one class that maximises F1 = 2·TP / (2·TP + FP + FN) over its detections
 * ({@link ObjectFilter} of the class, every distance), keeping detections with score &gt;= threshold.
 *
 * @param className the class
 * @param threshold the best threshold (the lowest score kept); NaN without detections
 * @param f1        F1 at it, 0 without true positives; NaN without ground truth and detections
 * @param precision precision at it
 * @param recall    recall at it, NaN without ground truth
 */
public record MaxF1(String className, double threshold, double f1, double precision, double recall) {
    public MaxF1 {
        Objects.requireNonNull(className, "className");
    }

    /** Sweeps the thresholds of one class; ties keep the higher threshold. */
    public static MaxF1 of(List<MatchedFrame> frames, String cls) {
        ObjectFilter f = new ObjectFilter(List.of(cls), DistanceBin.ALL, List.of(), 1, 0);
        BinMetrics all = BinMetrics.of(frames, f);
        int[] ones = new int[frames.size()];
        java.util.Arrays.fill(ones, 1);
        long npos = all.truth(ones);
        List<double[]> dets = new ArrayList<>();
        for (MatchedFrame fr : frames) {
            for (ObjectRow d : fr.detections()) {
                Placement p = Placement.detection(fr, d, f);
                if (p == Placement.TRUE_POSITIVE || p == Placement.FALSE_POSITIVE) {
                    dets.add(new double[] {d.score(), p == Placement.TRUE_POSITIVE ? 1 : 0});
                }
            }
        }
        dets.sort((a, b) -> Double.compare(b[0], a[0]));
        if (dets.isEmpty()) {
            return new MaxF1(cls, Double.NaN, npos == 0 ? Double.NaN : 0, Double.NaN, npos == 0 ? Double.NaN : 0);
        }
        double best = -1;
        MaxF1 out = null;
        long tp = 0;
        for (int i = 0; i < dets.size(); i++) {
            tp += (long) dets.get(i)[1];
            if (i + 1 < dets.size() && dets.get(i + 1)[0] == dets.get(i)[0]) {
                continue;
            }
            long kept = i + 1;
            double f1 = 2.0 * tp / (kept + npos);
            if (f1 > best) {
                best = f1;
                out = new MaxF1(cls, dets.get(i)[0], f1, (double) tp / kept, npos == 0 ? Double.NaN : (double) tp / npos);
            }
        }
        return out;
    }
}
