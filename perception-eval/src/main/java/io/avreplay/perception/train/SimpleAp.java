package io.avreplay.perception.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Average precision for progress tracking during training (the reported scores come from the project's
 * metrics module). Detections are sorted by score and each greedily takes the best unmatched ground
 * truth of its frame. NaN when there is no ground truth. Pure functions; thread-safe.
 */
final class SimpleAp {
    /**
     * A scored detection or a ground-truth item.
     *
     * @param frame frame key
     * @param score confidence (ignored for ground truth)
     * @param geom  centre {x, y} metres, or box {x1, y1, x2, y2} pixels
     */
    record Item(int frame, double score, double[] geom) {
    }

    private SimpleAp() {
    }

    /** nuScenes-style AP: match by centre distance {@code <= thresholdM}, 101-point, min recall/precision 0.1. */
    static double centreDistance(List<Item> dets, Map<Integer, List<Item>> gt, double thresholdM) {
        double[][] pr = curve(dets, gt, (d, g) -> {
            double dist = Math.hypot(d[0] - g[0], d[1] - g[1]);
            return dist <= thresholdM ? -dist : Double.NEGATIVE_INFINITY;
        });
        if (pr == null) {
            return Double.NaN;
        }
        double sum = 0;
        int n = 0;
        for (int i = 11; i <= 100; i++) {
            double p = interp(i / 100.0, pr[1], pr[0]) - 0.1;
            sum += Math.max(0, p);
            n++;
        }
        return sum / n / 0.9;
    }

    /** COCO-style AP at IoU {@code >= iou}: precision envelope sampled at 101 recall points. */
    static double iou(List<Item> dets, Map<Integer, List<Item>> gt, double iou) {
        double[][] pr = curve(dets, gt, (d, g) -> {
            double v = boxIou(d, g);
            return v >= iou ? v : Double.NEGATIVE_INFINITY;
        });
        if (pr == null) {
            return Double.NaN;
        }
        double[] prec = pr[0].clone();
        for (int i = prec.length - 2; i >= 0; i--) {
            prec[i] = Math.max(prec[i], prec[i + 1]);
        }
        double sum = 0;
        int j = 0;
        for (int i = 0; i <= 100; i++) {
            double r = i / 100.0;
            while (j < prec.length && pr[1][j] < r) {
                j++;
            }
            sum += j < prec.length ? prec[j] : 0;
        }
        return sum / 101;
    }

    /** @return {precision[], recall[]} after each detection, or null without ground truth */
    private static double[][] curve(List<Item> dets, Map<Integer, List<Item>> gt, Affinity affinity) {
        int total = gt.values().stream().mapToInt(List::size).sum();
        if (total == 0) {
            return null;
        }
        List<Item> sorted = new ArrayList<>(dets);
        sorted.sort(Comparator.comparingDouble(Item::score).reversed());
        Map<Integer, boolean[]> used = new java.util.HashMap<>();
        double[] prec = new double[sorted.size()];
        double[] rec = new double[sorted.size()];
        int tp = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Item d = sorted.get(i);
            List<Item> g = gt.getOrDefault(d.frame(), List.of());
            boolean[] u = used.computeIfAbsent(d.frame(), k -> new boolean[g.size()]);
            int best = -1;
            double bestAff = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < g.size(); k++) {
                double a = affinity.of(d.geom(), g.get(k).geom());
                if (!u[k] && a > bestAff) {
                    bestAff = a;
                    best = k;
                }
            }
            if (best >= 0) {
                u[best] = true;
                tp++;
            }
            prec[i] = (double) tp / (i + 1);
            rec[i] = (double) tp / total;
        }
        return new double[][] {prec, rec};
    }

    /** Linear interpolation of y at x over increasing xs; 0 right of the last point. */
    private static double interp(double x, double[] xs, double[] ys) {
        if (xs.length == 0 || x > xs[xs.length - 1]) {
            return 0;
        }
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] >= x) {
                double span = xs[i] - xs[i - 1];
                double t = span > 0 ? (x - xs[i - 1]) / span : 1;
                return ys[i - 1] + t * (ys[i] - ys[i - 1]);
            }
        }
        return 0;
    }

    static double boxIou(double[] a, double[] b) {
        double iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
        double ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
        double inter = iw * ih;
        double union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
        return union > 0 ? inter / union : 0;
    }

    /** Higher is a better match; negative infinity means no match. */
    private interface Affinity {
        double of(double[] det, double[] gt);
    }
}
