package io.avreplay.eval.match;

/**
 * The nuScenes greedy matcher for one sample and one class: predictions are taken in the order given
 * (the caller sorts them by descending score), and each is matched to the closest ground-truth box not
 * yet taken, by ground-plane centre distance, if that distance is strictly below the threshold. Among
 * equally close boxes the first in ground-truth order wins. Stateless and thread-safe.
 */
public final class CenterDistanceMatcher {
    private CenterDistanceMatcher() {
    }

    /**
     * Matches predictions to ground truth.
     *
     * @param predX     prediction centre x in processing order, metres
     * @param predY     prediction centre y in processing order, metres
     * @param gtX       ground-truth centre x, metres
     * @param gtY       ground-truth centre y, metres
     * @param threshold the match distance, metres (a match needs {@code distance < threshold})
     * @return for each prediction the index of its ground-truth box, or -1 for a false positive
     */
    public static int[] match(double[] predX, double[] predY, double[] gtX, double[] gtY, double threshold) {
        if (predX.length != predY.length || gtX.length != gtY.length) {
            throw new IllegalArgumentException("coordinate arrays differ in length");
        }
        int[] out = new int[predX.length];
        boolean[] taken = new boolean[gtX.length];
        for (int i = 0; i < predX.length; i++) {
            double best = Double.POSITIVE_INFINITY;
            int bestIdx = -1;
            for (int g = 0; g < gtX.length; g++) {
                if (taken[g]) {
                    continue;
                }
                double dx = predX[i] - gtX[g];
                double dy = predY[i] - gtY[g];
                double d = Math.sqrt(dx * dx + dy * dy);
                if (d < best) {
                    best = d;
                    bestIdx = g;
                }
            }
            if (bestIdx >= 0 && best < threshold) {
                taken[bestIdx] = true;
                out[i] = bestIdx;
            } else {
                out[i] = -1;
            }
        }
        return out;
    }
}
