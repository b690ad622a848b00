package io.avreplay.eval.kitti;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The devkit's {@code eval_class}: for one class, difficulty and box type, the 41 interpolated
 * precision values (and AOS values when requested). Pure.
 */
final class KittiClassEval {
    static final int N_SAMPLE_PTS = 41;
    private static final double NO_DETECTION = -10000000;

    private KittiClassEval() {
    }

    /** Result curves; {@code aos} is null unless requested. */
    record Curves(double[] precision, double[] aos) {
    }

    /** Per-frame ignore flags: gt 0 = counts, 1 = ignored, -1 = other class; det 0 = counts, 1 = ignored, -1 = skip. */
    private record Clean(int[] ignoredGt, int[] ignoredDet, int nGt) {
    }

    private record Stats(int tp, int fp, int fn, double similarity, List<Double> scores) {
    }

    static Curves evaluate(Collection<KittiFrame> frames, KittiClass cls, KittiDifficulty diff, int boxType,
            boolean computeAos) {
        List<KittiFrame> fs = new ArrayList<>(frames);
        Clean[] clean = new Clean[fs.size()];
        List<Double> v = new ArrayList<>();
        int nGt = 0;
        for (int i = 0; i < fs.size(); i++) {
            clean[i] = clean(fs.get(i), cls, diff);
            nGt += clean[i].nGt;
            v.addAll(statistics(fs.get(i), clean[i], cls, boxType, false, false, 0).scores);
        }
        double[] thresholds = thresholds(v, nGt);
        int nt = Math.min(thresholds.length, N_SAMPLE_PTS);
        long[] tp = new long[nt];
        long[] fp = new long[nt];
        double[] sim = new double[nt];
        for (int i = 0; i < fs.size(); i++) {
            for (int t = 0; t < nt; t++) {
                Stats s = statistics(fs.get(i), clean[i], cls, boxType, true, computeAos, thresholds[t]);
                tp[t] += s.tp;
                fp[t] += s.fp;
                if (s.similarity != -1) {
                    sim[t] += s.similarity;
                }
            }
        }
        double[] precision = new double[N_SAMPLE_PTS];
        double[] aos = computeAos ? new double[N_SAMPLE_PTS] : null;
        for (int t = 0; t < nt; t++) {
            precision[t] = tp[t] / (double) (tp[t] + fp[t]);
            if (computeAos) {
                aos[t] = sim[t] / (double) (tp[t] + fp[t]);
            }
        }
        for (int t = 0; t < nt; t++) {
            precision[t] = maxElement(precision, t);
            if (computeAos) {
                aos[t] = maxElement(aos, t);
            }
        }
        return new Curves(precision, aos);
    }

    /** {@code *std::max_element(a + from, a + n)}: the first element not less than any other (NaN-aware as C++ is). */
    private static double maxElement(double[] a, int from) {
        double best = a[from];
        for (int i = from + 1; i < a.length; i++) {
            if (best < a[i]) {
                best = a[i];
            }
        }
        return best;
    }

    /** The devkit's {@code getThresholds}: one TP score per 1/40 recall step. */
    static double[] thresholds(List<Double> scores, int nGt) {
        double[] v = scores.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double n = nGt;
        List<Double> t = new ArrayList<>();
        double current = 0;
        for (int k = 0; k < v.length; k++) {
            int i = v.length - 1 - k;
            double l = (k + 1) / n;
            double r = k < v.length - 1 ? (k + 2) / n : l;
            if ((r - current) < (current - l) && k < v.length - 1) {
                continue;
            }
            t.add(v[i]);
            current += 1.0 / (N_SAMPLE_PTS - 1.0);
        }
        return t.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Clean clean(KittiFrame f, KittiClass cls, KittiDifficulty diff) {
        int[] ig = new int[f.gt.size()];
        int nGt = 0;
        for (int i = 0; i < ig.length; i++) {
            KittiObject g = f.gt.get(i);
            double height = g.y2() - g.y1();
            int valid;
            if (g.type().equalsIgnoreCase(cls.label())) {
                valid = 1;
            } else if (!cls.neighbour.isEmpty() && g.type().equalsIgnoreCase(cls.neighbour)) {
                valid = 0;
            } else {
                valid = -1;
            }
            boolean ignore = g.occluded() > diff.maxOcclusion || g.truncated() > diff.maxTruncation
                    || height <= diff.minHeight;
            if (valid == 1 && !ignore) {
                ig[i] = 0;
                nGt++;
            } else if (valid == 0 || (ignore && valid == 1)) {
                ig[i] = 1;
            } else {
                ig[i] = -1;
            }
        }
        int[] id = new int[f.det.size()];
        for (int i = 0; i < id.length; i++) {
            KittiObject d = f.det.get(i);
            boolean valid = d.type().equalsIgnoreCase(cls.label());
            int height = (int) Math.abs(d.y1() - d.y2());
            if (height < diff.minHeight) {
                id[i] = 1;
            } else if (valid) {
                id[i] = 0;
            } else {
                id[i] = -1;
            }
        }
        return new Clean(ig, id, nGt);
    }

    private static Stats statistics(KittiFrame f, Clean c, KittiClass cls, int boxType, boolean computeFp,
            boolean computeAos, double thresh) {
        int nd = f.det.size();
        double minOverlap = cls.minOverlap;
        boolean[] assigned = new boolean[nd];
        boolean[] belowThreshold = new boolean[nd];
        if (computeFp) {
            for (int j = 0; j < nd; j++) {
                belowThreshold[j] = f.det.get(j).score() < thresh;
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<Double> scores = new ArrayList<>();
        List<Double> delta = new ArrayList<>();
        for (int i = 0; i < f.gt.size(); i++) {
            if (c.ignoredGt[i] == -1) {
                continue;
            }
            int detIdx = -1;
            double valid = NO_DETECTION;
            double maxIou = 0;
            boolean assignedIgnored = false;
            for (int j = 0; j < nd; j++) {
                if (c.ignoredDet[j] == -1 || assigned[j] || belowThreshold[j]) {
                    continue;
                }
                double o = f.overlap[boxType][j][i];
                double score = f.det.get(j).score();
                if (!computeFp && o > minOverlap && score > valid) {
                    detIdx = j;
                    valid = score;
                } else if (computeFp && o > minOverlap && (o > maxIou || assignedIgnored) && c.ignoredDet[j] == 0) {
                    maxIou = o;
                    detIdx = j;
                    valid = 1;
                    assignedIgnored = false;
                } else if (computeFp && o > minOverlap && valid == NO_DETECTION && c.ignoredDet[j] == 1) {
                    detIdx = j;
                    valid = 1;
                    assignedIgnored = true;
                }
            }
            if (valid == NO_DETECTION && c.ignoredGt[i] == 0) {
                fn++;
            } else if (valid != NO_DETECTION && (c.ignoredGt[i] == 1 || c.ignoredDet[detIdx] == 1)) {
                assigned[detIdx] = true;
            } else if (valid != NO_DETECTION) {
                tp++;
                scores.add(f.det.get(detIdx).score());
                if (computeAos) {
                    delta.add(f.gt.get(i).alpha() - f.det.get(detIdx).alpha());
                }
                assigned[detIdx] = true;
            }
        }
        double similarity = -1;
        if (computeFp) {
            for (int j = 0; j < nd; j++) {
                if (!(assigned[j] || c.ignoredDet[j] == -1 || c.ignoredDet[j] == 1 || belowThreshold[j])) {
                    fp++;
                }
            }
            int nstuff = 0;
            for (int k = 0; k < f.dontCare.size(); k++) {
                for (int j = 0; j < nd; j++) {
                    if (assigned[j] || c.ignoredDet[j] == -1 || c.ignoredDet[j] == 1 || belowThreshold[j]) {
                        continue;
                    }
                    if (f.dontCareOverlap[boxType][j][k] > minOverlap) {
                        assigned[j] = true;
                        nstuff++;
                    }
                }
            }
            fp -= nstuff;
            if (computeAos && (tp > 0 || fp > 0)) {
                // FPs contribute 0; each TP (1 + cos(delta)) / 2.
                double sum = 0;
                for (double d : delta) {
                    sum += (1.0 + Math.cos(d)) / 2.0;
                }
                similarity = sum;
            }
        }
        return new Stats(tp, fp, fn, similarity, scores);
    }
}
