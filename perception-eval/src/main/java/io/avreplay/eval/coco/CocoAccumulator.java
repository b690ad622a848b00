package io.avreplay.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * pycocotools' {@code accumulate}: precision at 101 recall points with the precision envelope, and
 * recall, for every IoU threshold, category, area range and detection limit. -1 marks a combination
 * with no ground truth. Pure.
 */
final class CocoAccumulator {
    /** precision[t][r][k][a][m]. */
    final double[][][][][] precision;
    /** recall[t][k][a][m]. */
    final double[][][][] recall;

    private CocoAccumulator(int k) {
        precision = new double[CocoParams.T][CocoParams.R][k][CocoParams.A][CocoParams.M];
        recall = new double[CocoParams.T][k][CocoParams.A][CocoParams.M];
        for (double[][][][] a : precision) {
            for (double[][][] b : a) {
                for (double[][] c : b) {
                    for (double[] d : c) {
                        Arrays.fill(d, -1);
                    }
                }
            }
        }
        for (double[][][] b : recall) {
            for (double[][] c : b) {
                for (double[] d : c) {
                    Arrays.fill(d, -1);
                }
            }
        }
    }

    static CocoAccumulator accumulate(CocoMetricData data) {
        int kn = data.categoryIds().size();
        CocoAccumulator acc = new CocoAccumulator(kn);
        List<CocoImageEval[]> imgs = new ArrayList<>(data.images().values());
        for (int k = 0; k < kn; k++) {
            List<CocoImageEval> e = new ArrayList<>();
            for (CocoImageEval[] img : imgs) {
                if (img[k] != null) {
                    e.add(img[k]);
                }
            }
            if (e.isEmpty()) {
                continue;
            }
            for (int m = 0; m < CocoParams.M; m++) {
                Merged merged = Merged.of(e, CocoParams.MAX_DETS[m]);
                for (int a = 0; a < CocoParams.A; a++) {
                    acc.fill(e, merged, k, a, m);
                }
            }
        }
        return acc;
    }

    /** The first maxDet detections of every image, concatenated in image order, then stably sorted by score. */
    private record Merged(int nd, int[] img, int[] pos) {
        static Merged of(List<CocoImageEval> e, int maxDet) {
            int nd = 0;
            for (CocoImageEval x : e) {
                nd += Math.min(maxDet, x.scores.length);
            }
            double[] scores = new double[nd];
            int[] img = new int[nd];
            int[] pos = new int[nd];
            int n = 0;
            for (int i = 0; i < e.size(); i++) {
                int len = Math.min(maxDet, e.get(i).scores.length);
                for (int d = 0; d < len; d++) {
                    scores[n] = e.get(i).scores[d];
                    img[n] = i;
                    pos[n] = d;
                    n++;
                }
            }
            // Stable, descending (pycocotools: mergesort of the negated scores).
            int[] order = StableSort.descending(scores);
            int[] si = new int[nd];
            int[] sp = new int[nd];
            for (int i = 0; i < nd; i++) {
                si[i] = img[order[i]];
                sp[i] = pos[order[i]];
            }
            return new Merged(nd, si, sp);
        }
    }

    private void fill(List<CocoImageEval> e, Merged merged, int k, int a, int m) {
        int npig = 0;
        for (CocoImageEval x : e) {
            npig += x.npig[a];
        }
        if (npig == 0) {
            return;
        }
        int nd = merged.nd;
        double eps = Math.ulp(1.0);
        for (int t = 0; t < CocoParams.T; t++) {
            double[] rc = new double[nd];
            double[] pr = new double[nd];
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < nd; i++) {
                CocoImageEval x = e.get(merged.img[i]);
                int d = merged.pos[i];
                if (!x.ignored[a][t][d]) {
                    if (x.matched[a][t][d]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
                rc[i] = tp / (double) npig;
                pr[i] = tp / (fp + tp + eps);
            }
            recall[t][k][a][m] = nd > 0 ? rc[nd - 1] : 0;
            for (int i = nd - 1; i > 0; i--) {
                if (pr[i] > pr[i - 1]) {
                    pr[i - 1] = pr[i];
                }
            }
            int idx = 0;
            for (int r = 0; r < CocoParams.R; r++) {
                double thr = CocoParams.REC_THRS[r];
                while (idx < nd && rc[idx] < thr) {
                    idx++;
                }
                precision[t][r][k][a][m] = idx < nd ? pr[idx] : 0;
                if (idx >= nd) {
                    for (int rr = r; rr < CocoParams.R; rr++) {
                        precision[t][rr][k][a][m] = 0;
                    }
                    break;
                }
            }
        }
    }

    /** Mean of the precision entries above -1 for the given selection; -1 when there are none. */
    double meanPrecision(int tOnly, int kOnly, int a, int m) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < CocoParams.T; t++) {
            if (tOnly >= 0 && t != tOnly) {
                continue;
            }
            for (int r = 0; r < CocoParams.R; r++) {
                double[][][] byK = precision[t][r];
                for (int k = 0; k < byK.length; k++) {
                    if (kOnly >= 0 && k != kOnly) {
                        continue;
                    }
                    double v = byK[k][a][m];
                    if (v > -1) {
                        sum += v;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    /** Mean of the recall entries above -1; -1 when there are none. */
    double meanRecall(int kOnly, int a, int m) {
        double sum = 0;
        long n = 0;
        for (int t = 0; t < CocoParams.T; t++) {
            for (int k = 0; k < recall[t].length; k++) {
                if (kOnly >= 0 && k != kOnly) {
                    continue;
                }
                double v = recall[t][k][a][m];
                if (v > -1) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    static Map<CocoStat, Double> stats(CocoAccumulator acc) {
        Map<CocoStat, Double> s = new java.util.EnumMap<>(CocoStat.class);
        int m100 = CocoParams.M - 1;
        s.put(CocoStat.AP, acc.meanPrecision(-1, -1, 0, m100));
        s.put(CocoStat.AP50, acc.meanPrecision(CocoParams.IOU_50, -1, 0, m100));
        s.put(CocoStat.AP75, acc.meanPrecision(CocoParams.IOU_75, -1, 0, m100));
        s.put(CocoStat.APs, acc.meanPrecision(-1, -1, 1, m100));
        s.put(CocoStat.APm, acc.meanPrecision(-1, -1, 2, m100));
        s.put(CocoStat.APl, acc.meanPrecision(-1, -1, 3, m100));
        s.put(CocoStat.AR1, acc.meanRecall(-1, 0, 0));
        s.put(CocoStat.AR10, acc.meanRecall(-1, 0, 1));
        s.put(CocoStat.AR100, acc.meanRecall(-1, 0, m100));
        s.put(CocoStat.ARs, acc.meanRecall(-1, 1, m100));
        s.put(CocoStat.ARm, acc.meanRecall(-1, 2, m100));
        s.put(CocoStat.ARl, acc.meanRecall(-1, 3, m100));
        return s;
    }
}
