package io.avreplay.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
        // Categories are independent and each fills only its own slots: the same result on any number of cores.
        IntStream.range(0, kn).parallel().forEach(k -> acc.category(imgs, k));
        return acc;
    }

    /** Fills every (threshold, area, maxDets) entry of category {@code k}. */
    private void category(List<CocoImageEval[]> imgs, int k) {
        int n = 0;
        int[] npig = new int[CocoParams.A];
        boolean any = false;
        for (CocoImageEval[] img : imgs) {
            if (img[k] != null) {
                any = true;
                n += img[k].scores.length;
                for (int a = 0; a < CocoParams.A; a++) {
                    npig[a] += img[k].npig[a];
                }
            }
        }
        if (!any) {
            return;
        }
        // Every image's detections (at most the largest maxDets), concatenated in image order.
        double[] scores = new double[n];
        int[] rank = new int[n];
        int[][] flags = new int[CocoParams.A][n];
        int o = 0;
        for (CocoImageEval[] img : imgs) {
            CocoImageEval x = img[k];
            if (x == null) {
                continue;
            }
            int len = x.scores.length;
            System.arraycopy(x.scores, 0, scores, o, len);
            for (int a = 0; a < CocoParams.A; a++) {
                System.arraycopy(x.flags[a], 0, flags[a], o, len);
            }
            for (int d = 0; d < len; d++) {
                rank[o + d] = d;
            }
            o += len;
        }
        // Stable, descending (pycocotools: mergesort of the negated scores). The first maxDet detections of
        // every image, concatenated in image order and sorted the same way, come in the same relative order,
        // so one sort serves every maxDets: keep the entries whose rank in their image is below maxDet.
        int[] order = StableSort.descending(scores);
        int[] sel = new int[n];
        int[] f = new int[n];
        double[] rc = new double[n];
        double[] pr = new double[n];
        for (int m = 0; m < CocoParams.M; m++) {
            int maxDet = CocoParams.MAX_DETS[m];
            int nd = 0;
            for (int i = 0; i < n; i++) {
                if (rank[order[i]] < maxDet) {
                    sel[nd++] = order[i];
                }
            }
            for (int a = 0; a < CocoParams.A; a++) {
                if (npig[a] == 0) {
                    continue;
                }
                int[] fa = flags[a];
                for (int i = 0; i < nd; i++) {
                    f[i] = fa[sel[i]];
                }
                for (int t = 0; t < CocoParams.T; t++) {
                    curve(f, nd, npig[a], t, rc, pr, k, a, m);
                }
            }
        }
    }

    /** Precision and recall of one (threshold, category, area, maxDets) from the sorted flag words. */
    private void curve(int[] f, int nd, int npig, int t, double[] rc, double[] pr, int k, int a, int m) {
        double eps = Math.ulp(1.0);
        int matchedBit = 1 << (CocoImageEval.MATCHED + t);
        int ignoredBit = 1 << (CocoImageEval.IGNORED + t);
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < nd; i++) {
            int w = f[i];
            if ((w & ignoredBit) == 0) {
                if ((w & matchedBit) != 0) {
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
            if (idx >= nd) {
                for (int rr = r; rr < CocoParams.R; rr++) {
                    precision[t][rr][k][a][m] = 0;
                }
                break;
            }
            precision[t][r][k][a][m] = pr[idx];
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
