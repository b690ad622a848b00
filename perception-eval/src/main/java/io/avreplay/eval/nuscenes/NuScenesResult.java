package io.avreplay.eval.nuscenes;

import io.avreplay.eval.detection.EvalProvenance;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A nuScenes detection result: the devkit's {@code metrics_summary} and {@code metrics_details}, plus
 * provenance and filter counts. Undefined metrics are NaN (cone and barrier exceptions, or a TP error
 * that no class defines). Immutable.
 *
 * @param provenance     where the result came from
 * @param config         the configuration used
 * @param labelAps       class to distance threshold (metres) to AP, in [0, 1]
 * @param meanDistAps    class to AP averaged over thresholds
 * @param meanAp         mAP
 * @param labelTpErrors  class to TP error (metres, 1 - IoU, radians, m/s, 1 - accuracy)
 * @param tpErrors       TP error averaged over classes, ignoring NaN
 * @param tpScores       {@code max(0, 1 - tpError)}
 * @param ndScore        NDS
 * @param evalTimeSeconds wall time of the evaluation in seconds, NaN when unknown
 * @param curves         {@code class:threshold} (e.g. {@code car:0.5}) to its 101-point curves
 * @param counts         box counts before and after filtering
 */
public record NuScenesResult(EvalProvenance provenance, NuScenesConfig config, Map<String, Map<Double, Double>> labelAps,
        Map<String, Double> meanDistAps, double meanAp, Map<String, Map<TpMetric, Double>> labelTpErrors,
        Map<TpMetric, Double> tpErrors, Map<TpMetric, Double> tpScores, double ndScore, double evalTimeSeconds,
        Map<String, DetectionCurve> curves, NuScenesMetricData.FilterCounts counts) {

    /** Copies every map. */
    public NuScenesResult {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(counts, "counts");
        Map<String, Map<Double, Double>> aps = new LinkedHashMap<>();
        labelAps.forEach((k, v) -> aps.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        labelAps = Collections.unmodifiableMap(aps);
        meanDistAps = Collections.unmodifiableMap(new LinkedHashMap<>(meanDistAps));
        Map<String, Map<TpMetric, Double>> lte = new LinkedHashMap<>();
        labelTpErrors.forEach((k, v) -> lte.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        labelTpErrors = Collections.unmodifiableMap(lte);
        tpErrors = Collections.unmodifiableMap(new EnumMap<>(tpErrors));
        tpScores = Collections.unmodifiableMap(new EnumMap<>(tpScores));
        curves = Collections.unmodifiableMap(new LinkedHashMap<>(curves));
    }

    /** @return the key of a curve in {@link #curves}, e.g. {@code car:0.5} */
    public static String curveKey(String className, double threshold) {
        return className + ":" + threshold;
    }
}
