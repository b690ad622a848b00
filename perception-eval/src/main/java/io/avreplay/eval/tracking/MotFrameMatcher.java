package io.avreplay.eval.tracking;

import java.util.Arrays;

/**
 * py-motmetrics' {@code MOTAccumulator.update} for one scene, frame by frame: first keep the pairs of the
 * previous frames that are still within range, then assign the rest with the minimum total distance; a
 * ground-truth track matched to a hypothesis other than its last one is an identity switch. Unmatched
 * ground truth are misses, unmatched hypotheses false positives. Events are reported in the library's order.
 * Holds the per-scene pairing state; not thread-safe.
 */
final class MotFrameMatcher {
    /** Receives the events of a frame, in order. */
    interface Events {
        /** A match (or a switch) of ground truth row {@code i} with hypothesis column {@code j}. */
        void match(int i, int j, double distanceM, boolean isSwitch);

        /** Ground truth row {@code i} is missed. */
        default void miss(int i) {
        }

        /** Hypothesis column {@code j} is a false positive. */
        default void falsePositive(int j) {
        }
    }

    private final int[] lastHyp;

    /** @param gtIds number of scene-local ground-truth ids */
    MotFrameMatcher(int gtIds) {
        lastHyp = new int[gtIds];
        Arrays.fill(lastHyp, -1);
    }

    /**
     * @param oids ground-truth ids (scene-local), n of them
     * @param hids hypothesis ids (scene-local), m of them
     * @param dist n x m distances, NaN where a pair cannot match; modified
     */
    void update(int[] oids, int n, int[] hids, int m, double[] dist, Events events) {
        boolean[] oMasked = new boolean[n];
        boolean[] hMasked = new boolean[m];
        if (n > 0 && m > 0) {
            for (int i = 0; i < n; i++) {
                int prev = lastHyp[oids[i]];
                if (prev < 0) {
                    continue;
                }
                int j = 0;
                while (j < m && (hMasked[j] || hids[j] != prev)) {
                    j++;
                }
                if (j < m && !Double.isNaN(dist[i * m + j])) {
                    oMasked[i] = true;
                    hMasked[j] = true;
                    events.match(i, j, dist[i * m + j], false);
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    if (oMasked[i] || hMasked[j]) {
                        dist[i * m + j] = Double.NaN;
                    }
                }
            }
            int[] col = LinearSumAssignment.solve(dist, n, m);
            for (int i = 0; i < n; i++) {
                int j = col[i];
                if (j < 0) {
                    continue;
                }
                int o = oids[i];
                boolean isSwitch = lastHyp[o] >= 0 && lastHyp[o] != hids[j];
                events.match(i, j, dist[i * m + j], isSwitch);
                oMasked[i] = true;
                hMasked[j] = true;
                lastHyp[o] = hids[j];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!oMasked[i]) {
                events.miss(i);
            }
        }
        for (int j = 0; j < m; j++) {
            if (!hMasked[j]) {
                events.falsePositive(j);
            }
        }
    }
}
