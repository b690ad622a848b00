package io.avreplay.scenario.gate;

import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.ObjectFilter;
import io.avreplay.scenario.scoring.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric on a scenario: kind, object selector, matching distance and suffix. Text form
 * {@code KIND[SELECTOR]@Dm.SUFFIX}, e.g. {@code ap[pedestrian]@2m}, {@code map}, {@code nds},
 * {@code ap[pedestrian, 0-30m]@2m}, {@code recall[car, 0-50m, ego_lane]}, {@code frames[pedestrian, 0-30m].tp_rate(normal)},
 * {@code err[car, 0-50m].yaw.p99}, {@code max_miss_s[pedestrian, 0-20m]}. Selector tokens: class names, one
 * distance bin ({@code 0-30m}, {@code 50-}), region names defined in the scenario, {@code pts>=N},
 * {@code vis>=V}, {@code score>=S} (an operating point: detections below S are dropped before matching).
 *
 * @param kind      what is measured
 * @param filter    which objects ({@link ObjectFilter#ALL} for the plain nuScenes metrics; one class for AP)
 * @param distanceM the centre-distance match threshold, metres; NaN means the mean over the four nuScenes
 *                  thresholds for AP and mAP, and {@value #DEFAULT_MATCH_M} m for every other kind
 * @param measure   the suffix, matching {@link MetricKind#shape()}
 */
public record MetricId(MetricKind kind, ObjectFilter filter, double distanceM, Measure measure) {
    /** The nuScenes centre-distance thresholds a metric may name, metres. */
    public static final List<Double> MATCH_DISTANCES_M = List.of(0.5, 1.0, 2.0, 4.0);
    /** The match distance of kinds other than AP and mAP when none is named, metres. */
    public static final double DEFAULT_MATCH_M = 2.0;
    private static final Pattern TEXT = Pattern.compile(
            "([a-z_]+)(?:\\[([^\\]]*)\\])?(?:@(\\d+(?:\\.\\d+)?)m)?(?:\\.([a-z0-9_.()]+))?");

    /** @throws IllegalArgumentException when the class, selector, distance or suffix does not fit the kind */
    public MetricId {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(measure, "measure");
        if (kind.needsClass() && filter.classes().size() != 1) {
            throw new IllegalArgumentException(kind.key() + " needs exactly one class, e.g. " + kind.key() + "[car], got "
                    + filter.classes());
        }
        if ((kind == MetricKind.MAP || kind == MetricKind.NDS) && !filter.classes().isEmpty()) {
            throw new IllegalArgumentException(kind.key() + " takes no class, got " + filter.classes());
        }
        if (kind == MetricKind.NDS && (!filter.equals(ObjectFilter.ALL) || !Double.isNaN(distanceM))) {
            throw new IllegalArgumentException("nds takes no selector and no distance");
        }
        if (kind.tracking() && (!Double.isNaN(distanceM) || filter.minPoints() != ObjectFilter.DEFAULT_MIN_POINTS
                || !filter.bin().isAll() || !filter.region().isEmpty() || filter.minVisibility() != 0
                || filter.minScore() != 0)) {
            throw new IllegalArgumentException(kind.key() + " takes one class and nothing else (the tracking metrics "
                    + "match at 2 m, and a track crosses bins and regions), got " + filter.selector()
                    + (Double.isNaN(distanceM) ? "" : " @" + distanceM + "m"));
        }
        if (!Double.isNaN(distanceM) && !MATCH_DISTANCES_M.contains(distanceM)) {
            throw new IllegalArgumentException("unknown match distance " + distanceM + " m, expected one of "
                    + MATCH_DISTANCES_M + " m");
        }
        if (measure.shape() != kind.shape()) {
            throw new IllegalArgumentException(kind.key() + " takes a suffix of shape " + kind.shape() + ", got '"
                    + measure.suffix() + "'");
        }
    }

    /** A plain metric: one class (or none) and every object. */
    public MetricId(MetricKind kind, String className, double distanceM) {
        this(kind, className.isEmpty() ? ObjectFilter.ALL : new ObjectFilter(List.of(className), DistanceBin.ALL,
                List.of(), ObjectFilter.DEFAULT_MIN_POINTS, 0), distanceM, Measure.None.INSTANCE);
    }

    /** @return the one class of a per-class metric, else "" */
    public String className() {
        return filter.classes().size() == 1 ? filter.classes().get(0) : "";
    }

    /** @return whether the selector narrows more than the class (bin, region, points, visibility) */
    public boolean binned() {
        return !filter.bin().isAll() || !filter.region().isEmpty() || filter.minPoints() != ObjectFilter.DEFAULT_MIN_POINTS
                || filter.minVisibility() != 0 || filter.minScore() != 0;
    }

    /** @return whether the nuScenes evaluator computes this metric (AP, mAP, NDS without a narrower selector) */
    public boolean usesNuScenes() {
        return kind.nuScenes() && !binned();
    }

    /** @return the match distances the value is computed at (the mean is taken over several) */
    public List<Double> matchDistancesM() {
        if (!Double.isNaN(distanceM)) {
            return List.of(distanceM);
        }
        return kind == MetricKind.AP || kind == MetricKind.MAP ? MATCH_DISTANCES_M : List.of(DEFAULT_MATCH_M);
    }

    /** Parses the text form without regions. */
    public static MetricId parse(String text, Set<String> knownClasses) {
        return parse(text, knownClasses, Map.of());
    }

    /**
     * Parses the text form and checks classes and regions.
     *
     * @param regions the regions a selector may name, by name
     * @throws IllegalArgumentException naming what is wrong
     */
    public static MetricId parse(String text, Set<String> knownClasses, Map<String, Region> regions) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a metric (expected e.g. ap[car]@2m, map, nds, "
                    + "ap[pedestrian, 0-30m]@2m, err[car, 0-50m].yaw.p99)");
        }
        MetricKind kind = MetricKind.of(m.group(1));
        ObjectFilter filter = m.group(2) == null ? ObjectFilter.ALL : selector(m.group(2), knownClasses, regions);
        double d = m.group(3) == null ? Double.NaN : Double.parseDouble(m.group(3));
        Measure measure = Measure.parse(kind.shape(), m.group(4) == null ? "" : m.group(4), kind.key());
        return new MetricId(kind, filter, d, measure);
    }

    private static ObjectFilter selector(String text, Set<String> knownClasses, Map<String, Region> regions) {
        List<String> classes = new ArrayList<>();
        DistanceBin bin = DistanceBin.ALL;
        List<Region> region = new ArrayList<>();
        int minPoints = ObjectFilter.DEFAULT_MIN_POINTS;
        double minVis = 0;
        double minScore = 0;
        for (String raw : text.split(",")) {
            String t = raw.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.matches("\\d.*-.*")) {
                if (!bin.isAll()) {
                    throw new IllegalArgumentException("selector [" + text + "] names two distance bins");
                }
                bin = DistanceBin.parse(t);
            } else if (t.startsWith("pts>=")) {
                minPoints = Integer.parseInt(t.substring(5).trim());
            } else if (t.startsWith("vis>=")) {
                minVis = Double.parseDouble(t.substring(5).trim());
            } else if (t.startsWith("score>=")) {
                minScore = Double.parseDouble(t.substring(7).trim());
            } else if (regions.containsKey(t)) {
                region.add(regions.get(t));
            } else if (knownClasses.contains(t)) {
                classes.add(t);
            } else {
                throw new IllegalArgumentException("unknown class '" + t + "' (a selector token is a class, a distance "
                        + "bin such as 0-30m or 50-, a region of the scenario's 'regions'" + (regions.isEmpty() ? " (none defined)"
                        : " " + regions.keySet()) + ", pts>=N, vis>=V or score>=S)");
            }
        }
        return new ObjectFilter(classes, bin, region, minPoints, minVis, minScore);
    }

    /** @return the text form, e.g. {@code ap[car, 0-30m]@2m} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(kind.key());
        String sel = filter.selector();
        if (!sel.isEmpty()) {
            b.append('[').append(sel).append(']');
        }
        if (!Double.isNaN(distanceM)) {
            b.append('@').append(distanceM == Math.rint(distanceM) ? String.valueOf((long) distanceM)
                    : String.valueOf(distanceM)).append('m');
        }
        return b.append(measure.suffix()).toString();
    }
}
