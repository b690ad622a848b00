package io.avreplay.eval.tracking;

import io.avreplay.eval.detection.EvalProvenance;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A nuScenes tracking result: the devkit's {@code metrics_summary} (per class and overall) and
 * {@code metrics_details} (per-class curves). Undefined values are NaN, as in the devkit: every metric of
 * a class without ground truth, and FP/IDS/FRAG of a class none of whose recall levels is reached.
 *
 * @param provenance   where the result came from
 * @param config       the configuration
 * @param labelMetrics metric to class to value
 * @param overall      metric to the value over classes (counts summed, the rest averaged, NaN ignored)
 * @param curves       class to its per-threshold data
 * @param sceneNames   the scenes scored, in order
 * @param counts       box counts around the filters
 */
public record TrackingResult(EvalProvenance provenance, TrackingConfig config,
        Map<TrackingMetric, Map<String, Double>> labelMetrics, Map<TrackingMetric, Double> overall,
        Map<String, TrackingCurves> curves, List<String> sceneNames, TrackingMetricData.Counts counts) {
    /** Copies every collection. @throws NullPointerException when a field is null */
    public TrackingResult {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(counts, "counts");
        Map<TrackingMetric, Map<String, Double>> lm = new EnumMap<>(TrackingMetric.class);
        labelMetrics.forEach((m, v) -> lm.put(m, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        labelMetrics = Collections.unmodifiableMap(lm);
        overall = Collections.unmodifiableMap(new EnumMap<>(overall));
        curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
        sceneNames = List.copyOf(sceneNames);
    }

    /** @return the value of a metric for a class, or overall when {@code className} is {@code all} */
    public double value(TrackingMetric m, String className) {
        if (className.equals("all")) {
            return overall.get(m);
        }
        Double v = labelMetrics.get(m).get(className);
        if (v == null) {
            throw new IllegalArgumentException("no tracking class " + className + "; classes: "
                    + labelMetrics.get(m).keySet());
        }
        return v;
    }
}
