package io.avreplay.eval.tracking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-threshold data of one class (the devkit's {@code TrackingMetricData}), highest recall first:
 * NaN at unreachable recall levels, every value NaN for a class without ground truth.
 *
 * @param confidence the score threshold of each recall level
 * @param recallHypo the recall level (hypothetical recall)
 * @param values     the per-threshold metrics ({@link ClassEvaluation#PER_THRESHOLD}), same length
 */
public record TrackingCurves(List<Double> confidence, List<Double> recallHypo,
        Map<TrackingMetric, List<Double>> values) {
    /** @throws IllegalArgumentException when the lengths differ */
    public TrackingCurves {
        confidence = Collections.unmodifiableList(new ArrayList<>(confidence));
        recallHypo = Collections.unmodifiableList(new ArrayList<>(recallHypo));
        Map<TrackingMetric, List<Double>> copy = new EnumMap<>(TrackingMetric.class);
        int n = confidence.size();
        values.forEach((m, v) -> {
            if (v.size() != n) {
                throw new IllegalArgumentException("tracking curves: " + m.key() + " has " + v.size()
                        + " values, expected " + n);
            }
            copy.put(m, Collections.unmodifiableList(new ArrayList<>(v)));
        });
        values = Collections.unmodifiableMap(copy);
    }

    static TrackingCurves undefined(int n) {
        List<Double> nan = Collections.nCopies(n, Double.NaN);
        Map<TrackingMetric, List<Double>> v = new EnumMap<>(TrackingMetric.class);
        ClassEvaluation.PER_THRESHOLD.forEach(m -> v.put(m, nan));
        return new TrackingCurves(nan, nan, v);
    }

    /** @return the values of a per-threshold metric */
    public List<Double> get(TrackingMetric m) {
        List<Double> v = values.get(m);
        if (v == null) {
            throw new IllegalArgumentException(m.key() + " has no per-threshold values");
        }
        return v;
    }
}
