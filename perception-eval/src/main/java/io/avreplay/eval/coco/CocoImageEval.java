package io.avreplay.eval.coco;

import java.util.Arrays;

/**
 * pycocotools' {@code evaluateImg} for one image and category at every area range, with up to 100
 * detections: immutable per-image match data. Detections are in descending score order (stable).
 */
final class CocoImageEval implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final double MAX_IOU = 1 - 1e-10;
    /** Bit {@code t} of a flag word: matched at threshold t to a ground truth whose id is non-zero. */
    static final int MATCHED = 0;
    /** Bit {@code IGNORED + t}: ignored at threshold t (matched to an ignored ground truth, or unmatched outside the area). */
    static final int IGNORED = 16;
    /** The matched bits of every threshold. */
    private static final int ALL_MATCHED = ((1 << CocoParams.T) - 1) << MATCHED;

    /** Sorted detection scores. */
    final double[] scores;
    /** [area][detection]: the match flags of every threshold, see {@link #MATCHED} and {@link #IGNORED}. */
    final int[][] flags;
    /** [area]: ground truth that is not ignored. */
    final int[] npig;

    private CocoImageEval(double[] scores, int[][] flags, int[] npig) {
        this.scores = scores;
        this.flags = flags;
        this.npig = npig;
    }

    /**
     * Matches one image and category.
     *
     * @param gt   ground-truth columns; {@code gIdx[gFrom..gTo)} are this image's rows, in file order
     * @param dt   detection columns; {@code dIdx[dFrom..dTo)} are this image's rows, in file order
     */
    static CocoImageEval evaluate(CocoColumns.Gt gt, int[] gIdx, int gFrom, int gTo, CocoColumns.Dt dt, int[] dIdx,
            int dFrom, int dTo) {
        int[] dOrder = sortedByScore(dt.score, dIdx, dFrom, dTo);
        int d = Math.min(dOrder.length, CocoParams.MAX_DETS[CocoParams.M - 1]);
        int g = gTo - gFrom;
        double[] scores = new double[d];
        double[] dArea = new double[d];
        for (int i = 0; i < d; i++) {
            int r = dOrder[i];
            scores[i] = dt.score[r];
            dArea[i] = dt.w[r] * dt.h[r];
        }
        double[] ious = new double[d * g];
        // A detection can match only at the thresholds its best IoU reaches: tMax[i] of them, the lowest ones.
        // The matching visits, in score order, only the candidates: detections with tMax > 0.
        int[] tMax = new int[d];
        int[] candidates = new int[d];
        int nc = 0;
        for (int i = 0; i < d; i++) {
            int r = dOrder[i];
            double best = 0;
            for (int j = 0; j < g; j++) {
                double v = iou(dt.x[r], dt.y[r], dt.w[r], dt.h[r], gt, gIdx[gFrom + j]);
                ious[i * g + j] = v;
                best = Math.max(best, v);
            }
            int t = 0;
            while (t < CocoParams.T && best >= threshold(t)) {
                t++;
            }
            tMax[i] = t;
            if (t > 0) {
                candidates[nc++] = i;
            }
        }
        int[][] flags = new int[CocoParams.A][d];
        int[] npig = new int[CocoParams.A];
        Scratch s = new Scratch(g);
        for (int a = 0; a < CocoParams.A; a++) {
            npig[a] = matchArea(gt, gIdx, gFrom, g, ious, candidates, nc, tMax, d, dArea, CocoParams.AREA_RNG[a],
                    flags[a], s);
        }
        return new CocoImageEval(scores, flags, npig);
    }

    /** Per-image working arrays, reused across area ranges and thresholds. */
    private static final class Scratch {
        final int[] gOrder;
        final boolean[] gtIg;
        final boolean[] crowd;
        final boolean[] idNonZero;
        final boolean[] taken;

        Scratch(int g) {
            gOrder = new int[g];
            gtIg = new boolean[g];
            crowd = new boolean[g];
            idNonZero = new boolean[g];
            taken = new boolean[g];
        }
    }

    /** Row indices {@code idx[from..to)} stably sorted by descending score. */
    private static int[] sortedByScore(double[] score, int[] idx, int from, int to) {
        int n = to - from;
        if (n > 64) {
            double[] keys = new double[n];
            for (int i = 0; i < n; i++) {
                keys[i] = score[idx[from + i]];
            }
            int[] order = StableSort.descending(keys);
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = idx[from + order[i]];
            }
            return out;
        }
        int[] out = Arrays.copyOfRange(idx, from, to);
        // Insertion sort, stable: an element moves left only past strictly smaller scores.
        for (int i = 1; i < n; i++) {
            int v = out[i];
            double key = score[v];
            int j = i - 1;
            while (j >= 0 && score[out[j]] < key) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = v;
        }
        return out;
    }

    /** The smallest IoU that matches at threshold {@code t} (pycocotools caps it just below 1). */
    private static double threshold(int t) {
        return Math.min(CocoParams.IOU_THRS[t], MAX_IOU);
    }

    /**
     * Fills the match flags for one area range; returns the number of ground truth not ignored.
     *
     * @param candidates {@code candidates[0..nc)}: the detections that reach threshold 0, in score order
     * @param tMax       per detection, the number of thresholds its best IoU reaches
     */
    private static int matchArea(CocoColumns.Gt gt, int[] gIdx, int gFrom, int g, double[] ious, int[] candidates,
            int nc, int[] tMax, int d, double[] dArea, double[] rng, int[] flags, Scratch s) {
        // Ground truth not ignored first, each group in file order (a stable sort on the ignore flag).
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < g; j++) {
                int r = gIdx[gFrom + j];
                if (gtIgnored(gt, r, rng) == (pass == 1)) {
                    s.gOrder[n++] = j;
                }
            }
        }
        int npig = 0;
        for (int j = 0; j < g; j++) {
            int r = gIdx[gFrom + s.gOrder[j]];
            s.gtIg[j] = gtIgnored(gt, r, rng);
            s.crowd[j] = gt.crowd[r];
            s.idNonZero[j] = gt.id[r] != 0;
            npig += s.gtIg[j] ? 0 : 1;
        }
        for (int t = 0; t < CocoParams.T && nc > 0; t++) {
            Arrays.fill(s.taken, false);
            int matchedBit = 1 << (MATCHED + t);
            int ignoredBit = 1 << (IGNORED + t);
            double best0 = threshold(t);
            for (int c = 0; c < nc; c++) {
                int i = candidates[c];
                if (tMax[i] <= t) {
                    continue;
                }
                double best = best0;
                int m = -1;
                for (int j = 0; j < g; j++) {
                    if (s.taken[j] && !s.crowd[j]) {
                        continue;
                    }
                    if (m > -1 && !s.gtIg[m] && s.gtIg[j]) {
                        break;
                    }
                    double v = ious[i * g + s.gOrder[j]];
                    if (v < best) {
                        continue;
                    }
                    best = v;
                    m = j;
                }
                if (m != -1) {
                    int f = flags[i];
                    if (s.gtIg[m]) {
                        f |= ignoredBit;
                    }
                    if (s.idNonZero[m]) {
                        f |= matchedBit;
                    }
                    flags[i] = f;
                    s.taken[m] = true;
                }
            }
        }
        // A detection outside the area range is ignored at every threshold where it is not matched (to a
        // ground truth with a non-zero id).
        for (int i = 0; i < d; i++) {
            if (dArea[i] < rng[0] || dArea[i] > rng[1]) {
                flags[i] |= (~flags[i] & ALL_MATCHED) << (IGNORED - MATCHED);
            }
        }
        return npig;
    }

    private static boolean gtIgnored(CocoColumns.Gt gt, int r, double[] rng) {
        return gt.crowd[r] || gt.area[r] < rng[0] || gt.area[r] > rng[1];
    }

    /** pycocotools' bbox IoU; for a crowd ground truth the union is the detection's area. */
    private static double iou(double dx, double dy, double dw, double dh, CocoColumns.Gt gt, int r) {
        double gx = gt.x[r];
        double gy = gt.y[r];
        double gw = gt.w[r];
        double gh = gt.h[r];
        double w = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
        if (h <= 0) {
            return 0;
        }
        double inter = w * h;
        double da = dw * dh;
        double u = gt.crowd[r] ? da : da + gw * gh - inter;
        return inter / u;
    }

    @Override
    public String toString() {
        return "CocoImageEval" + Arrays.toString(scores);
    }
}
