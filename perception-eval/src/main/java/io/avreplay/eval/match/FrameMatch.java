package io.avreplay.eval.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The match of one frame's predictions to its ground truth under the evaluators' rules, for pictures:
 * which predictions are true positives, which are false positives and which ground-truth objects were
 * missed. Matching is per class; within a class predictions are taken by descending score (ties in input
 * order). 3D uses the nuScenes rule ({@link CenterDistanceMatcher}, ground-plane centre distance strictly
 * below the threshold, 2 m for pictures); 2D uses the COCO rule (each prediction takes the untaken
 * ground-truth box of highest IoU, if that IoU is at least the threshold, 0.5 for pictures).
 *
 * @param predictionToTruth for each prediction (input order) the index of its ground-truth object, or -1
 *                          for a false positive
 * @param truthToPrediction for each ground-truth object the index of its prediction, or -1 when missed
 *
 * <p>Immutable (arrays are copied in and out); thread-safe.
 */
public record FrameMatch(int[] predictionToTruth, int[] truthToPrediction) {
    /** @throws NullPointerException when an array is missing */
    public FrameMatch {
        predictionToTruth = Objects.requireNonNull(predictionToTruth, "predictionToTruth").clone();
        truthToPrediction = Objects.requireNonNull(truthToPrediction, "truthToPrediction").clone();
    }

    /** The centre-distance threshold of nuScenes pictures, metres. */
    public static final double CENTRE_DISTANCE_M = 2.0;
    /** The IoU threshold of COCO pictures (AP50). */
    public static final double IOU = 0.5;

    /** @return a copy: for each prediction its ground-truth index, or -1 */
    @Override
    public int[] predictionToTruth() {
        return predictionToTruth.clone();
    }

    /** @return a copy: for each ground-truth object its prediction index, or -1 */
    @Override
    public int[] truthToPrediction() {
        return truthToPrediction.clone();
    }

    /** @return the index of prediction {@code i}'s ground truth, or -1 for a false positive */
    public int truthOf(int i) {
        return predictionToTruth[i];
    }

    /** @return the index of ground-truth object {@code g}'s prediction, or -1 when it was missed */
    public int predictionOf(int g) {
        return truthToPrediction[g];
    }

    /**
     * Matches 3D predictions to 3D ground truth by ground-plane centre distance (nuScenes).
     *
     * @param predClass  prediction classes
     * @param predXy     prediction centres as {x, y} pairs, metres, any frame shared with the truth
     * @param predScore  prediction scores
     * @param truthClass ground-truth classes (same vocabulary as the predictions)
     * @param truthXy    ground-truth centres as {x, y} pairs, metres
     * @param thresholdM a match needs distance strictly below this, metres
     * @return the match
     */
    public static FrameMatch centreDistance(List<String> predClass, double[][] predXy, double[] predScore,
            List<String> truthClass, double[][] truthXy, double thresholdM) {
        check(predClass.size(), predXy.length, predScore.length, truthClass.size(), truthXy.length);
        int[] p2t = filled(predClass.size());
        int[] t2p = filled(truthClass.size());
        for (String cls : classes(predClass)) {
            List<Integer> preds = byScore(predClass, predScore, cls);
            List<Integer> truths = indicesOf(truthClass, cls);
            double[] px = new double[preds.size()];
            double[] py = new double[preds.size()];
            for (int k = 0; k < preds.size(); k++) {
                px[k] = predXy[preds.get(k)][0];
                py[k] = predXy[preds.get(k)][1];
            }
            double[] gx = new double[truths.size()];
            double[] gy = new double[truths.size()];
            for (int k = 0; k < truths.size(); k++) {
                gx[k] = truthXy[truths.get(k)][0];
                gy[k] = truthXy[truths.get(k)][1];
            }
            int[] m = CenterDistanceMatcher.match(px, py, gx, gy, thresholdM);
            link(preds, truths, m, p2t, t2p);
        }
        return new FrameMatch(p2t, t2p);
    }

    /**
     * Matches 2D predictions to 2D ground truth by intersection over union (COCO).
     *
     * @param predClass  prediction classes
     * @param predBox    prediction boxes as {x1, y1, x2, y2}, pixels
     * @param predScore  prediction scores
     * @param truthClass ground-truth classes
     * @param truthBox   ground-truth boxes as {x1, y1, x2, y2}, pixels
     * @param iouThreshold a match needs IoU at least this
     * @return the match
     */
    public static FrameMatch iou(List<String> predClass, double[][] predBox, double[] predScore,
            List<String> truthClass, double[][] truthBox, double iouThreshold) {
        check(predClass.size(), predBox.length, predScore.length, truthClass.size(), truthBox.length);
        int[] p2t = filled(predClass.size());
        int[] t2p = filled(truthClass.size());
        for (String cls : classes(predClass)) {
            List<Integer> truths = indicesOf(truthClass, cls);
            for (int p : byScore(predClass, predScore, cls)) {
                double best = iouThreshold;
                int bestG = -1;
                for (int g : truths) {
                    if (t2p[g] >= 0) {
                        continue;
                    }
                    double v = iou(predBox[p], truthBox[g]);
                    if (v >= best && (bestG < 0 || v > best)) {
                        best = v;
                        bestG = g;
                    }
                }
                if (bestG >= 0) {
                    p2t[p] = bestG;
                    t2p[bestG] = p;
                }
            }
        }
        return new FrameMatch(p2t, t2p);
    }

    static double iou(double[] a, double[] b) {
        return io.avreplay.replay.object.Box2d.iou(a, b);
    }

    private static void link(List<Integer> preds, List<Integer> truths, int[] m, int[] p2t, int[] t2p) {
        for (int k = 0; k < m.length; k++) {
            if (m[k] >= 0) {
                int g = truths.get(m[k]);
                p2t[preds.get(k)] = g;
                t2p[g] = preds.get(k);
            }
        }
    }

    private static void check(int predClasses, int predGeom, int predScores, int truthClasses, int truthGeom) {
        if (predClasses != predGeom || predClasses != predScores) {
            throw new IllegalArgumentException("predictions: " + predClasses + " classes, " + predGeom + " boxes, "
                    + predScores + " scores; expected equal counts");
        }
        if (truthClasses != truthGeom) {
            throw new IllegalArgumentException("ground truth: " + truthClasses + " classes, " + truthGeom
                    + " boxes; expected equal counts");
        }
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static List<String> classes(List<String> names) {
        return names.stream().distinct().toList();
    }

    private static List<Integer> indicesOf(List<String> names, String cls) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(cls)) {
                out.add(i);
            }
        }
        return out;
    }

    private static List<Integer> byScore(List<String> names, double[] score, String cls) {
        List<Integer> out = indicesOf(names, cls);
        out.sort(Comparator.comparingDouble((Integer i) -> -score[i]));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FrameMatch m && Arrays.equals(predictionToTruth, m.predictionToTruth)
                && Arrays.equals(truthToPrediction, m.truthToPrediction);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(predictionToTruth) + Arrays.hashCode(truthToPrediction);
    }

    @Override
    public String toString() {
        return "FrameMatch" + Arrays.toString(predictionToTruth) + "/" + Arrays.toString(truthToPrediction);
    }
}
