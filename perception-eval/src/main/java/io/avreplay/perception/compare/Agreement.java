package io.avreplay.perception.compare;

import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How far a model agrees with a reference model on the same frames: the reference's detections are
 * matched greedily (highest reference score first) to the other model's unmatched detections of the same
 * class whose centres lie within {@code maxDistanceM} in the ground plane (ego x, y).
 *
 * @param referenceDetections detections of the reference over the frames both saw
 * @param matched             of those, how many found a partner
 * @param maxScoreDifference  largest |score difference| over matched pairs; 0 when none matched
 */
public record Agreement(long referenceDetections, long matched, double maxScoreDifference) {
    /** @return matched / reference detections; NaN when the reference detected nothing */
    public double matchedShare() {
        return referenceDetections == 0 ? Double.NaN : (double) matched / referenceDetections;
    }

    /** Compares frame by frame, over the timestamps both maps hold. */
    static Agreement of(Map<Long, List<Detection3d>> reference, Map<Long, List<Detection3d>> other,
            double maxDistanceM) {
        long total = 0;
        long matched = 0;
        double maxDiff = 0;
        for (var e : reference.entrySet()) {
            List<Detection3d> theirs = other.get(e.getKey());
            if (theirs == null) {
                continue;
            }
            List<Detection3d> ref = new ArrayList<>(e.getValue());
            ref.sort(Comparator.comparingDouble(Detection3d::score).reversed());
            boolean[] used = new boolean[theirs.size()];
            for (Detection3d r : ref) {
                total++;
                int best = -1;
                double bestD = maxDistanceM;
                for (int j = 0; j < theirs.size(); j++) {
                    Detection3d t = theirs.get(j);
                    if (used[j] || !t.category().equals(r.category())) {
                        continue;
                    }
                    double d = Math.hypot(t.box().centre().x() - r.box().centre().x(),
                            t.box().centre().y() - r.box().centre().y());
                    if (d <= bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    matched++;
                    maxDiff = Math.max(maxDiff, Math.abs(theirs.get(best).score() - r.score()));
                }
            }
        }
        return new Agreement(total, matched, maxDiff);
    }
}
