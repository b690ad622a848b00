package io.avreplay.perception.compare;

import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.Detection3d;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How far a model agrees with a reference model on the same frames: the reference's detections, highest
 * score first, are matched greedily to the other model's closest unmatched detection of the same class
 * (3D: centres within a distance in the ground plane, ego x and y; 2D: same camera, IoU at least a bound).
 *
 * @param referenceDetections detections of the reference over the frames both saw
 * @param matched             of those, how many found a partner
 * @param maxScoreDifference  largest |score difference| over matched pairs; 0 when none matched
 */
public record Agreement(long referenceDetections, long matched, double maxScoreDifference) {
    /** @throws IllegalArgumentException when a count is negative or matched exceeds the reference's */
    public Agreement {
        if (referenceDetections < 0 || matched < 0 || matched > referenceDetections) {
            throw new IllegalArgumentException("agreement counts: expected 0 <= matched <= referenceDetections, got "
                    + matched + " of " + referenceDetections);
        }
    }

    /** @return matched / reference detections; NaN when the reference detected nothing */
    public double matchedShare() {
        return referenceDetections == 0 ? Double.NaN : (double) matched / referenceDetections;
    }

    /** How far apart two detections are; lower is closer, +infinity when they may not match. */
    @FunctionalInterface
    interface Gap<T> {
        double between(T reference, T other);
    }

    /** 3D: same class, centres within {@code maxDistanceM} metres in the ground plane. */
    static Agreement of(Map<Long, List<Detection3d>> reference, Map<Long, List<Detection3d>> other,
            double maxDistanceM) {
        return of(reference, other, Detection3d::score, (r, t) -> {
            if (!t.category().equals(r.category())) {
                return Double.POSITIVE_INFINITY;
            }
            double d = Math.hypot(t.box().centre().x() - r.box().centre().x(),
                    t.box().centre().y() - r.box().centre().y());
            return d <= maxDistanceM ? d : Double.POSITIVE_INFINITY;
        });
    }

    /** 2D: same camera and class, IoU of the pixel boxes at least {@code minIou}. */
    static Agreement of2d(Map<Long, List<Detection2d>> reference, Map<Long, List<Detection2d>> other, double minIou) {
        return of(reference, other, Detection2d::score, (r, t) -> {
            if (!t.category().equals(r.category()) || !t.cameraId().equals(r.cameraId())) {
                return Double.POSITIVE_INFINITY;
            }
            double iou = iou(r.box(), t.box());
            return iou >= minIou ? 1 - iou : Double.POSITIVE_INFINITY;
        });
    }

    /** @return intersection over union of two pixel boxes; 0 when both are empty */
    static double iou(Box2d a, Box2d b) {
        double w = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double h = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        double inter = w > 0 && h > 0 ? w * h : 0;
        double union = a.area() + b.area() - inter;
        return union > 0 ? inter / union : 0;
    }

    /** Compares frame by frame, over the timestamps both maps hold. */
    static <T> Agreement of(Map<Long, List<T>> reference, Map<Long, List<T>> other, ToDoubleFunction<T> score,
            Gap<T> gap) {
        long total = 0;
        long matched = 0;
        double maxDiff = 0;
        for (var e : reference.entrySet()) {
            List<T> theirs = other.get(e.getKey());
            if (theirs == null) {
                continue;
            }
            List<T> ref = new ArrayList<>(e.getValue());
            ref.sort(Comparator.comparingDouble(score).reversed());
            boolean[] used = new boolean[theirs.size()];
            for (T r : ref) {
                total++;
                int best = -1;
                double bestGap = Double.POSITIVE_INFINITY;
                for (int j = 0; j < theirs.size(); j++) {
                    double g = used[j] ? Double.POSITIVE_INFINITY : gap.between(r, theirs.get(j));
                    if (g < bestGap) {
                        bestGap = g;
                        best = j;
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    matched++;
                    maxDiff = Math.max(maxDiff, Math.abs(score.applyAsDouble(theirs.get(best)) - score.applyAsDouble(r)));
                }
            }
        }
        return new Agreement(total, matched, maxDiff);
    }
}
