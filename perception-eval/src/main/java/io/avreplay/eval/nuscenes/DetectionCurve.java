package io.avreplay.eval.nuscenes;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The devkit's {@code DetectionMetricData} for one class and distance threshold: 101 points at recall
 * 0, 0.01, ..., 1.
 *
 * @param recall     the recall grid
 * @param precision  interpolated precision (0 beyond the highest recall reached)
 * @param confidence interpolated score threshold (0 beyond the highest recall reached)
 * @param errors     each TP error's cumulative mean, interpolated on confidence
 */
public record DetectionCurve(List<Double> recall, List<Double> precision, List<Double> confidence,
        Map<TpMetric, List<Double>> errors) {
    /** Number of points on every curve. */
    public static final int POINTS = 101;

    /** @throws IllegalArgumentException when a curve does not have {@link #POINTS} points */
    public DetectionCurve {
        recall = check("recall", recall);
        precision = check("precision", precision);
        confidence = check("confidence", confidence);
        EnumMap<TpMetric, List<Double>> e = new EnumMap<>(TpMetric.class);
        for (TpMetric m : TpMetric.values()) {
            List<Double> l = errors.get(m);
            if (l == null) {
                throw new IllegalArgumentException("curve " + m.key() + " is missing");
            }
            e.put(m, check(m.key(), l));
        }
        errors = Collections.unmodifiableMap(e);
    }

    private static List<Double> check(String name, List<Double> l) {
        if (l.size() != POINTS) {
            throw new IllegalArgumentException("curve " + name + " must have " + POINTS + " points, got " + l.size());
        }
        return List.copyOf(l);
    }

    /** @return the index of the highest recall reached: the last point with non-zero confidence, or 0 */
    public int maxRecallIndex() {
        for (int i = POINTS - 1; i >= 0; i--) {
            if (confidence.get(i) != 0) {
                return i;
            }
        }
        return 0;
    }
}
