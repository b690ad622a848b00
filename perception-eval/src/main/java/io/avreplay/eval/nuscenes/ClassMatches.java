package io.avreplay.eval.nuscenes;

import java.util.Arrays;

/**
 * The match results of every prediction of one class, at every distance threshold: immutable, and
 * concatenated by {@link #merge}. Predictions keep their position in the evaluation's prediction order,
 * which breaks score ties exactly as the devkit's sort does (the later prediction first).
 */
final class ClassMatches implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int npos;
    private final double[] scores;
    private final long[] order;
    /** [threshold][prediction]. */
    private final boolean[][] tp;
    /** [threshold][metric][prediction]; NaN for false positives. */
    private final double[][][] errors;

    ClassMatches(int npos, double[] scores, long[] order, boolean[][] tp, double[][][] errors) {
        this.npos = npos;
        this.scores = scores;
        this.order = order;
        this.tp = tp;
        this.errors = errors;
    }

    static ClassMatches empty(int thresholds) {
        return new ClassMatches(0, new double[0], new long[0], new boolean[thresholds][0],
                new double[thresholds][TpMetric.values().length][0]);
    }

    int npos() {
        return npos;
    }

    int size() {
        return scores.length;
    }

    double score(int i) {
        return scores[i];
    }

    boolean isTp(int threshold, int i) {
        return tp[threshold][i];
    }

    double error(int threshold, TpMetric m, int i) {
        return errors[threshold][m.ordinal()][i];
    }

    /** @return prediction indices sorted by descending score, ties by descending order */
    int[] sortedIndices() {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(scores[b], scores[a]);
            if (c != 0 && scores[a] != scores[b]) {
                return c;
            }
            return Long.compare(order[b], order[a]);
        });
        int[] out = new int[idx.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** Concatenates {@code b} after {@code a}: b's predictions come later in prediction order. */
    static ClassMatches merge(ClassMatches a, ClassMatches b) {
        int n = a.size() + b.size();
        double[] s = Arrays.copyOf(a.scores, n);
        System.arraycopy(b.scores, 0, s, a.size(), b.size());
        long shift = a.size() == 0 ? 0 : Arrays.stream(a.order).max().getAsLong() + 1;
        long[] o = Arrays.copyOf(a.order, n);
        for (int i = 0; i < b.size(); i++) {
            o[a.size() + i] = b.order[i] + shift;
        }
        boolean[][] t = new boolean[a.tp.length][];
        double[][][] e = new double[a.tp.length][TpMetric.values().length][];
        for (int th = 0; th < t.length; th++) {
            t[th] = Arrays.copyOf(a.tp[th], n);
            System.arraycopy(b.tp[th], 0, t[th], a.size(), b.size());
            for (int m = 0; m < e[th].length; m++) {
                e[th][m] = Arrays.copyOf(a.errors[th][m], n);
                System.arraycopy(b.errors[th][m], 0, e[th][m], a.size(), b.size());
            }
        }
        return new ClassMatches(a.npos + b.npos, s, o, t, e);
    }

    /** Concatenates parts in order in one pass; equivalent to folding {@link #merge} over them. */
    static ClassMatches concat(java.util.List<ClassMatches> parts) {
        int n = 0;
        for (ClassMatches p : parts) {
            n += p.size();
        }
        int thresholds = parts.get(0).tp.length;
        int metrics = TpMetric.values().length;
        double[] s = new double[n];
        long[] o = new long[n];
        boolean[][] t = new boolean[thresholds][n];
        double[][][] e = new double[thresholds][metrics][n];
        int at = 0;
        long shift = 0;
        int npos = 0;
        for (ClassMatches p : parts) {
            int k = p.size();
            System.arraycopy(p.scores, 0, s, at, k);
            long max = -1;
            for (int i = 0; i < k; i++) {
                o[at + i] = p.order[i] + shift;
                max = Math.max(max, p.order[i]);
            }
            for (int th = 0; th < thresholds; th++) {
                System.arraycopy(p.tp[th], 0, t[th], at, k);
                for (int m = 0; m < metrics; m++) {
                    System.arraycopy(p.errors[th][m], 0, e[th][m], at, k);
                }
            }
            if (k > 0) {
                shift += max + 1;
            }
            npos += p.npos;
            at += k;
        }
        return new ClassMatches(npos, s, o, t, e);
    }
}
