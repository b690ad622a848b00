package io.avreplay.scenario.gate;

import java.util.List;
import java.util.Objects;

/**
 * A precision–recall curve of one class at one match distance, for reports.
 *
 * @param className the class
 * @param distanceM the match distance, metres
 * @param recall    recall values in [0, 1], non-decreasing
 * @param precision precision at each recall, in [0, 1]
 * @param ap        the class's AP at this distance, NaN when undefined
 */
public record PrCurve(String className, double distanceM, List<Double> recall, List<Double> precision, double ap) {
    /** @throws IllegalArgumentException when the lists differ in length */
    public PrCurve {
        Objects.requireNonNull(className, "className");
        recall = List.copyOf(recall);
        precision = List.copyOf(precision);
        if (recall.size() != precision.size()) {
            throw new IllegalArgumentException("recall has " + recall.size() + " points, precision " + precision.size());
        }
    }
}
