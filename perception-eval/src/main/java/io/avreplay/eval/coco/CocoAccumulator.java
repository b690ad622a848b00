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
        // Each task fills only its own entries, so the result is the same on any number of cores. The
        // curves are split by (category, maxDets) as well, which keeps both cores busy with few categories.
        SortedCategory[] cats = new SortedCategory[kn];
        IntStream.range(0, kn).parallel().forEach(k -> cats[k] = SortedCategory.of(imgs, k));
        IntStream.range(0, kn * CocoParams.M).parallel().forEach(km -> {
            SortedCategory c = cats[km / CocoParams.M];
            if (c != null) {
                acc.curves(c, km / CocoParams.M, km % CocoParams.M);
            }
        });
        return acc;
    }

    /** One category's detections of every image, in pycocotools' sorted order, with their match flags. */
    private static final class SortedCategory {
        /** [area]: ground truth that is not ignored, summed over images. */
        final int[] npig;
        /** [area][row]: match flag words, rows concatenated in image order. */
        final int[][] flags;
        /** Rank of each row within its image's score order (0 = best). */
        final int[] rank;
        /** Rows in descending score order, stable. */
        final int[] order;

        private SortedCategory(int[] npig, int[][] flags, int[] rank, int[] order) {
            this.npig = npig;
            this.flags = flags;
            this.rank = rank;
            this.order = order;
        }

        /** @return the category's sorted rows, or null when no image has ground truth or detections of it */
        static SortedCategory of(List<CocoImageEval[]> imgs, int k) {
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
                return null;
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
            // Stable, descending (pycocotools: mergesort of the negated scores). The first maxDet detections
            // of every image, concatenated in image order and sorted the same way, come in the same relative
            // order, so one sort serves every maxDets: keep the rows whose rank in their image is below maxDet.
            return new SortedCategory(npig, flags, rank, StableSort.descending(scores));
        }
    }

    /** Fills every (threshold, area) entry of category {@code k} at detection limit {@code m}. */
    private void curves(SortedCategory c, int k, int m) {
        int maxDet = CocoParams.MAX_DETS[m];
        int n = c.order.length;
        int[] sel = new int[n];
        int nd = 0;
        for (int i = 0; i < n; i++) {
            int row = c.order[i];
            if (c.rank[row] < maxDet) {
                sel[nd++] = row;
            }
        }
        int[] words = new int[nd];
        int[] fpsBefore = new int[nd];
        double[] peaks = new double[nd];
        for (int a = 0; a < CocoParams.A; a++) {
            if (c.npig[a] == 0) {
                continue;
            }
            // Most detections are false positives at every threshold (flag word 0) or ignored at every
            // threshold (unmatched outside the area range): keep only the others, each with the number of
            // all-threshold false positives before it. The curves then read far fewer words.
            int[] fa = c.flags[a];
            int kept = 0;
            int run = 0;
            for (int i = 0; i < nd; i++) {
                int w = fa[sel[i]];
                if (w == 0) {
                    run++;
                } else if (w != ALL_IGNORED) {
                    words[kept] = w;
                    fpsBefore[kept] = run;
                    kept++;
                    run = 0;
                }
            }
            for (int t = 0; t < CocoParams.T; t++) {
                curve(words, fpsBefore, kept, nd, c.npig[a], t, peaks, k, a, m);
            }
        }
    }

    /** The flag word of a detection that is unmatched and ignored at every threshold. */
    private static final int ALL_IGNORED = ((1 << CocoParams.T) - 1) << CocoImageEval.IGNORED;

    /**
     * Precision and recall of one (threshold, category, area, maxDets). pycocotools computes the
     * cumulative recall {@code rc} and precision {@code pr} at every one of the {@code nd} sorted detections,
     * replaces {@code pr} by its running maximum from the right (the envelope), and reads it at the first
     * index whose recall reaches each recall threshold. Only true positives raise recall and precision, so
     * this reads the same values at the true positives alone: the first index reaching a threshold above 0
     * is a true positive; for the threshold 0 (index 0) the envelope is the maximum over the true
     * positives, or 0 without any; and the maximum of {@code pr} from any index on is attained there or at
     * a later true positive, since a false positive lowers it and an ignored detection keeps it. {@code pr}
     * and {@code rc} use pycocotools' exact expressions.
     *
     * @param words     flag words of the sorted detections, leaving out those ignored at every threshold
     *                  and those false at every threshold
     * @param fpsBefore for each word, how many left-out false positives came just before it
     * @param peaks     scratch of at least {@code kept} entries: precision at each true positive, then its envelope
     */
    private void curve(int[] words, int[] fpsBefore, int kept, int nd, int npig, int t, double[] peaks, int k, int a,
            int m) {
        double eps = Math.ulp(1.0);
        int matchedBit = 1 << (CocoImageEval.MATCHED + t);
        int ignoredBit = 1 << (CocoImageEval.IGNORED + t);
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < kept; i++) {
            fp += fpsBefore[i];
            int w = words[i];
            if ((w & ignoredBit) == 0) {
                if ((w & matchedBit) != 0) {
                    tp++;
                    peaks[tp - 1] = tp / (fp + tp + eps);
                } else {
                    fp++;
                }
            }
        }
        recall[t][k][a][m] = nd > 0 ? tp / (double) npig : 0;
        for (int e = tp - 1; e > 0; e--) {
            if (peaks[e] > peaks[e - 1]) {
                peaks[e - 1] = peaks[e];
            }
        }
        // The e-th true positive (from 0) brings the recall to (e + 1) / npig.
        int e = 0;
        for (int r = 0; r < CocoParams.R; r++) {
            double thr = CocoParams.REC_THRS[r];
            while (e < tp && (e + 1) / (double) npig < thr) {
                e++;
            }
            if (e >= tp) {
                for (int rr = r; rr < CocoParams.R; rr++) {
                    precision[t][rr][k][a][m] = 0;
                }
                break;
            }
            precision[t][r][k][a][m] = peaks[e];
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
