package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assigns output timestamps to ground-truth timestamps when an external stack's stamps do not equal the
 * sensor stamps: each output stamp goes to the nearest ground-truth stamp within the tolerance; when
 * several want the same ground truth, the nearest wins (ties: the earlier). Output stamps within the
 * ground-truth span ± tolerance that find none count as outputs without ground truth; ground-truth stamps
 * that get none count as ground truth without output. Stateless.
 */
public final class TimeAssociation {
    private TimeAssociation() {
    }

    /**
     * The outcome.
     *
     * @param outputs           per ground-truth stamp (same order), the assigned output list, or empty
     * @param outputsWithoutTruth output stamps in span that got no ground truth
     * @param truthWithoutOutput  ground-truth stamps that got no output stamp
     */
    public record Result<T>(List<List<T>> outputs, int outputsWithoutTruth, int truthWithoutOutput) {
        public Result {
            outputs = List.copyOf(outputs);
            if (outputsWithoutTruth < 0 || truthWithoutOutput < 0) {
                throw new IllegalArgumentException("counters must be >= 0, got " + outputsWithoutTruth + ", "
                        + truthWithoutOutput);
            }
        }
    }

    /**
     * @param truthNs     ground-truth stamps, ascending, ns
     * @param outputs     output stamp (ns) to its objects
     * @param toleranceNs largest |output − truth| stamp difference, ns, &gt;= 0
     */
    public static <T> Result<T> associate(long[] truthNs, Map<Long, List<T>> outputs, long toleranceNs) {
        if (toleranceNs < 0) {
            throw new IllegalArgumentException("toleranceNs must be >= 0, got " + toleranceNs);
        }
        int n = truthNs.length;
        long[] bestGap = new long[n];
        java.util.Arrays.fill(bestGap, Long.MAX_VALUE);
        long[] bestStamp = new long[n];
        int unassigned = 0;
        for (long t : outputs.keySet()) {
            if (n == 0 || t < truthNs[0] - toleranceNs || t > truthNs[n - 1] + toleranceNs) {
                continue;
            }
            int i = nearest(truthNs, t);
            long gap = Math.abs(truthNs[i] - t);
            if (gap > toleranceNs) {
                unassigned++;
                continue;
            }
            if (bestGap[i] != Long.MAX_VALUE) {
                unassigned++;
                if (gap > bestGap[i] || (gap == bestGap[i] && t > bestStamp[i])) {
                    continue;
                }
            }
            bestGap[i] = gap;
            bestStamp[i] = t;
        }
        List<List<T>> out = new ArrayList<>(n);
        int missing = 0;
        for (int i = 0; i < n; i++) {
            if (bestGap[i] == Long.MAX_VALUE) {
                missing++;
                out.add(List.of());
            } else {
                out.add(outputs.get(bestStamp[i]));
            }
        }
        return new Result<>(out, unassigned, missing);
    }

    private static int nearest(long[] sorted, long t) {
        int i = java.util.Arrays.binarySearch(sorted, t);
        if (i >= 0) {
            return i;
        }
        int hi = -i - 1;
        if (hi == 0) {
            return 0;
        }
        if (hi == sorted.length) {
            return hi - 1;
        }
        return t - sorted[hi - 1] <= sorted[hi] - t ? hi - 1 : hi;
    }
}
