package io.avreplay.eval.tracking;

import io.avreplay.error.InvalidConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A nuScenes tracking configuration (the devkit's {@code TrackingConfig}); conventions differ by this data,
 * not by code.
 *
 * @param name             e.g. {@code tracking_nips_2019}
 * @param classRangeM      class name to the maximum ego distance in x-y, metres (boxes at or beyond it are
 *                         removed); its keys, sorted, are the evaluated classes
 * @param distThTpM        centre distance (x-y) at or above which a pair cannot match, metres
 * @param minRecall        the lowest recall threshold
 * @param numThresholds    recall thresholds from {@code minRecall} to 1
 * @param maxBoxesPerSample predictions allowed per sample
 * @param metricWorst      the value a metric takes at an unachieved threshold ({@code -1}: derived from the
 *                         ground truth, or NaN)
 */
public record TrackingConfig(String name, Map<String, Double> classRangeM, double distThTpM, double minRecall,
        int numThresholds, int maxBoxesPerSample, Map<TrackingMetric, Double> metricWorst) implements java.io.Serializable {
    /** @throws InvalidConfigException when a field is out of range or a metric's worst value is missing */
    public TrackingConfig {
        if (name == null || name.isBlank()) {
            throw new InvalidConfigException("tracking config: name must be non-blank, got " + name);
        }
        if (classRangeM.isEmpty()) {
            throw new InvalidConfigException("tracking config " + name + ": class_range must name at least one class");
        }
        classRangeM.forEach((c, r) -> {
            if (!(r > 0)) {
                throw new InvalidConfigException("tracking config " + name + ": class_range." + c + " must be > 0, got " + r);
            }
        });
        classRangeM = Collections.unmodifiableMap(new TreeMap<>(classRangeM));
        if (!(distThTpM > 0)) {
            throw new InvalidConfigException("tracking config " + name + ": dist_th_tp must be > 0, got " + distThTpM);
        }
        if (!(minRecall >= 0 && minRecall < 1)) {
            throw new InvalidConfigException("tracking config " + name + ": min_recall must be in [0, 1), got " + minRecall);
        }
        if (numThresholds < 2) {
            throw new InvalidConfigException("tracking config " + name + ": num_thresholds must be >= 2, got " + numThresholds);
        }
        if (maxBoxesPerSample < 1) {
            throw new InvalidConfigException("tracking config " + name + ": max_boxes_per_sample must be >= 1, got "
                    + maxBoxesPerSample);
        }
        for (TrackingMetric m : TrackingMetric.values()) {
            if (!metricWorst.containsKey(m)) {
                throw new InvalidConfigException("tracking config " + name + ": metric_worst lacks " + m.key());
            }
        }
        metricWorst = Collections.unmodifiableMap(new EnumMap<>(metricWorst));
    }

    /** @return the devkit's {@code tracking_nips_2019}: 7 classes, 2 m, 40 thresholds from recall 0.1 */
    public static TrackingConfig nips2019() {
        Map<String, Double> range = new TreeMap<>();
        for (String c : List.of("car", "truck", "bus", "trailer")) {
            range.put(c, 50.0);
        }
        for (String c : List.of("pedestrian", "motorcycle", "bicycle")) {
            range.put(c, 40.0);
        }
        Map<TrackingMetric, Double> worst = new EnumMap<>(TrackingMetric.class);
        double[] w = {0.0, 2.0, 0.0, 0.0, -1, 0.0, 2.0, 0.0, -1.0, 500, 0.0, -1.0, -1.0, -1.0, -1.0, 20, 20};
        for (TrackingMetric m : TrackingMetric.values()) {
            worst.put(m, w[m.ordinal()]);
        }
        return new TrackingConfig("tracking_nips_2019", range, 2.0, 0.1, 40, 500, worst);
    }

    /** @return the evaluated classes, sorted (the devkit's {@code class_names}) */
    public List<String> classNames() {
        return new ArrayList<>(classRangeM.keySet());
    }
}
