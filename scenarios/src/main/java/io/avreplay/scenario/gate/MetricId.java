package io.avreplay.scenario.gate;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric on a scenario: kind, class (for {@link MetricKind#AP}) and matching distance.
 * Text form: {@code ap[pedestrian]@2m}, {@code map}, {@code map@1m}, {@code nds}.
 *
 * @param kind      what is measured
 * @param className the class for per-class metrics; empty otherwise
 * @param distanceM the centre-distance match threshold, metres; NaN means the mean over the scorer's
 *                  thresholds (nuScenes: 0.5, 1, 2 and 4 m)
 */
public record MetricId(MetricKind kind, String className, double distanceM) {
    /** The nuScenes centre-distance thresholds a metric may name, metres. */
    public static final java.util.List<Double> MATCH_DISTANCES_M = java.util.List.of(0.5, 1.0, 2.0, 4.0);
    private static final Pattern TEXT = Pattern.compile("([a-z]+)(?:\\[([A-Za-z0-9_.\\-]*)\\])?(?:@(\\d+(?:\\.\\d+)?)m)?");

    /** @throws IllegalArgumentException when the class is missing for AP, present otherwise, or distance is bad */
    public MetricId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(className, "className");
        if (kind.needsClass() && className.isBlank()) {
            throw new IllegalArgumentException(kind.key() + " needs a class, e.g. " + kind.key() + "[car]");
        }
        if (!kind.needsClass() && !className.isEmpty()) {
            throw new IllegalArgumentException(kind.key() + " takes no class, got [" + className + "]");
        }
        if (!Double.isNaN(distanceM) && !(distanceM > 0 && distanceM < 100)) {
            throw new IllegalArgumentException("distance must be in (0, 100) m, got " + distanceM);
        }
        if (kind == MetricKind.NDS && !Double.isNaN(distanceM)) {
            throw new IllegalArgumentException("nds takes no distance");
        }
    }

    /**
     * Parses the text form and checks the class against a vocabulary.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown metric, unknown class, bad distance)
     */
    public static MetricId parse(String text, Set<String> knownClasses) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a metric (expected e.g. ap[car]@2m, map, nds)");
        }
        MetricKind kind = null;
        for (MetricKind k : MetricKind.values()) {
            if (k.key().equals(m.group(1))) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("unknown metric '" + m.group(1) + "', expected one of ap, map, nds");
        }
        String cls = m.group(2) == null ? "" : m.group(2);
        if (!cls.isEmpty() && !knownClasses.contains(cls)) {
            throw new IllegalArgumentException("unknown class '" + cls + "', expected one of "
                    + new java.util.TreeSet<>(knownClasses));
        }
        double d = m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3));
        if (!Double.isNaN(d) && !MATCH_DISTANCES_M.contains(d)) {
            throw new IllegalArgumentException("unknown match distance " + m.group(3) + " m, expected one of "
                    + MATCH_DISTANCES_M + " m");
        }
        return new MetricId(kind, cls, d);
    }

    /** @return the text form, e.g. {@code ap[car]@2m} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.key());
        if (!className.isEmpty()) {
            b.append('[').append(className).append(']');
        }
        if (!Double.isNaN(distanceM)) {
            b.append('@').append(distanceM == Math.rint(distanceM) ? String.valueOf((long) distanceM)
                    : String.valueOf(distanceM)).append('m');
        }
        return b.toString();
    }
}
