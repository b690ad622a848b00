package io.avreplay.scenario.scoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's scoring settings from its YAML {@code scoring:} block: the distance bins its reports break
 * results into, the named regions its gates may select, and the tolerance for associating output stamps
 * with ground-truth stamps.
 *
 * @param bins        distance bins of the per-bin report tables, non-empty
 * @param regions     regions by name (ego frame)
 * @param toleranceNs largest |output − ground truth| stamp difference, ns; {@link #HALF_LIDAR_PERIOD} for
 *                    half the log's lidar period
 */
public record ScoringLayout(List<DistanceBin> bins, Map<String, Region> regions, long toleranceNs) {
    /** {@link #toleranceNs} meaning half the lidar period (the default). */
    public static final long HALF_LIDAR_PERIOD = -1;
    /** The default bins: 0-30 m, 30-50 m, 50 m and beyond. */
    public static final List<DistanceBin> DEFAULT_BINS = List.of(new DistanceBin(0, 30), new DistanceBin(30, 50),
            new DistanceBin(50, Double.POSITIVE_INFINITY));

    public ScoringLayout {
        bins = List.copyOf(bins);
        regions = java.util.Collections.unmodifiableMap(new TreeMap<>(regions));
        if (bins.isEmpty()) {
            throw new IllegalArgumentException("scoring bins must not be empty");
        }
        if (toleranceNs < HALF_LIDAR_PERIOD) {
            throw new IllegalArgumentException("toleranceNs must be >= 0 (or -1 for half the lidar period), got "
                    + toleranceNs);
        }
    }

    /** @return the default layout: default bins, no regions, half the lidar period */
    public static ScoringLayout defaults() {
        return new ScoringLayout(DEFAULT_BINS, Map.of(), HALF_LIDAR_PERIOD);
    }
}
