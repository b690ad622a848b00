package io.avreplay.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * pycocotools' {@code evaluateImg} for one image and category at every area range, with up to 100
 * detections: immutable per-image match data. Detections are in descending score order (stable).
 */
final class CocoImageEval {
    private static final double MAX_IOU = 1 - 1e-10;

    /** Sorted detection scores. */
    final double[] scores;
    /** [area][threshold][detection]: matched to a ground truth whose id is non-zero. */
    final boolean[][][] matched;
    /** [area][threshold][detection]: ignored (matched to an ignored ground truth, or unmatched outside the area). */
    final boolean[][][] ignored;
    /** [area]: ground truth that is not ignored. */
    final int[] npig;

    private CocoImageEval(double[] scores, boolean[][][] matched, boolean[][][] ignored, int[] npig) {
        this.scores = scores;
        this.matched = matched;
        this.ignored = ignored;
        this.npig = npig;
    }

    static CocoImageEval evaluate(List<CocoAnnotation> gts, List<CocoDetection> dtsIn) {
        List<CocoDetection> dts = new ArrayList<>(dtsIn);
        dts.sort((a, b) -> a.score() == b.score() ? 0 : (a.score() > b.score() ? -1 : 1));
        int maxDet = CocoParams.MAX_DETS[CocoParams.M - 1];
        if (dts.size() > maxDet) {
            dts = dts.subList(0, maxDet);
        }
        int d = dts.size();
        int g = gts.size();
        double[][] ious = new double[d][g];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < g; j++) {
                ious[i][j] = iou(dts.get(i), gts.get(j));
            }
        }
        double[] scores = new double[d];
        for (int i = 0; i < d; i++) {
            scores[i] = dts.get(i).score();
        }
        boolean[][][] matched = new boolean[CocoParams.A][][];
        boolean[][][] ignored = new boolean[CocoParams.A][][];
        int[] npig = new int[CocoParams.A];
        for (int a = 0; a < CocoParams.A; a++) {
            matched[a] = new boolean[CocoParams.T][d];
            ignored[a] = new boolean[CocoParams.T][d];
            npig[a] = matchArea(gts, dts, ious, CocoParams.AREA_RNG[a], matched[a], ignored[a]);
        }
        return new CocoImageEval(scores, matched, ignored, npig);
    }

    /** Fills the match flags for one area range; returns the number of ground truth not ignored. */
    private static int matchArea(List<CocoAnnotation> gtsIn, List<CocoDetection> dts, double[][] ious, double[] rng,
            boolean[][] matched, boolean[][] ignored) {
        int g = gtsIn.size();
        // Ground truth not ignored first, each group in file order (a stable sort on the ignore flag).
        int[] gOrder = new int[g];
        int n = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < g; j++) {
                if (gtIgnored(gtsIn.get(j), rng) == (pass == 1)) {
                    gOrder[n++] = j;
                }
            }
        }
        int npig = 0;
        boolean[] gtIg = new boolean[g];
        for (int j = 0; j < g; j++) {
            gtIg[j] = gtIgnored(gtsIn.get(gOrder[j]), rng);
            npig += gtIg[j] ? 0 : 1;
        }
        for (int t = 0; t < CocoParams.T; t++) {
            boolean[] gtTaken = new boolean[g];
            for (int i = 0; i < dts.size(); i++) {
                double best = Math.min(CocoParams.IOU_THRS[t], MAX_IOU);
                int m = -1;
                for (int j = 0; j < g; j++) {
                    CocoAnnotation gt = gtsIn.get(gOrder[j]);
                    if (gtTaken[j] && !gt.crowd()) {
                        continue;
                    }
                    if (m > -1 && !gtIg[m] && gtIg[j]) {
                        break;
                    }
                    double v = ious[i][gOrder[j]];
                    if (v < best) {
                        continue;
                    }
                    best = v;
                    m = j;
                }
                if (m == -1) {
                    continue;
                }
                ignored[t][i] = gtIg[m];
                matched[t][i] = gtsIn.get(gOrder[m]).id() != 0;
                gtTaken[m] = true;
            }
            for (int i = 0; i < dts.size(); i++) {
                double area = dts.get(i).bbox().area();
                if (!matched[t][i] && (area < rng[0] || area > rng[1])) {
                    ignored[t][i] = true;
                }
            }
        }
        return npig;
    }

    private static boolean gtIgnored(CocoAnnotation gt, double[] rng) {
        return gt.crowd() || gt.area() < rng[0] || gt.area() > rng[1];
    }

    /** pycocotools' bbox IoU; for a crowd ground truth the union is the detection's area. */
    static double iou(CocoDetection dt, CocoAnnotation gt) {
        double dx = dt.bbox().x();
        double dy = dt.bbox().y();
        double dw = dt.bbox().width();
        double dh = dt.bbox().height();
        double gx = gt.bbox().x();
        double gy = gt.bbox().y();
        double gw = gt.bbox().width();
        double gh = gt.bbox().height();
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
        double u = gt.crowd() ? da : da + gw * gh - inter;
        return inter / u;
    }

    @Override
    public String toString() {
        return "CocoImageEval" + Arrays.toString(scores);
    }
}
