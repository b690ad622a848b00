package io.avreplay.scenario.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which objects a metric looks at. Place (class, distance bin, region) applies to ground truth and
 * detections alike; a matched pair is placed by its ground truth. Point count and visibility apply to
 * ground truth only and make a failing object <em>ignored</em>: neither a miss nor, for the detection
 * matched to it, a false positive. An unknown point count ({@code -1}) or visibility (NaN) passes.
 * A minimum score is an operating point: detections below it are dropped before matching (the same as
 * dropping them after the score-ordered greedy match), so the ground truth they would have matched counts
 * as missed.
 *
 * @param classes       evaluation classes; empty means all the scenario's classes
 * @param bin           distance from the ego origin in the xy plane
 * @param region        rectangles in the ego frame, all of which must contain the object; empty: anywhere
 * @param minPoints     smallest lidar point count of a ground-truth object, &gt;= 0
 * @param minVisibility smallest visibility of a ground-truth object, in [0, 1]
 * @param minScore      smallest detection score kept, finite and &gt;= 0 (0: every detection)
 */
public record ObjectFilter(List<String> classes, DistanceBin bin, List<Region> region, int minPoints,
        double minVisibility, double minScore) {
    /** The default {@link #minPoints}: as in nuScenes, ground truth without a lidar point is ignored. */
    public static final int DEFAULT_MIN_POINTS = 1;
    /** Every object of the scenario's classes (ground truth with a point). */
    public static final ObjectFilter ALL = new ObjectFilter(List.of(), DistanceBin.ALL, List.of(), DEFAULT_MIN_POINTS, 0);

    public ObjectFilter {
        classes = List.copyOf(classes);
        Objects.requireNonNull(bin, "bin");
        region = List.copyOf(region);
        if (minPoints < 0) {
            throw new IllegalArgumentException("minPoints must be >= 0, got " + minPoints);
        }
        if (!(minVisibility >= 0 && minVisibility <= 1)) {
            throw new IllegalArgumentException("minVisibility must be in [0, 1], got " + minVisibility);
        }
        if (!(minScore >= 0) || Double.isInfinite(minScore)) {
            throw new IllegalArgumentException("minScore must be finite and >= 0, got " + minScore);
        }
    }

    /** A filter that keeps every detection (no minimum score). */
    public ObjectFilter(List<String> classes, DistanceBin bin, List<Region> region, int minPoints, double minVisibility) {
        this(classes, bin, region, minPoints, minVisibility, 0);
    }

    /** @return a filter of one class and one bin */
    public static ObjectFilter of(String cls, DistanceBin bin) {
        return new ObjectFilter(List.of(cls), bin, List.of(), DEFAULT_MIN_POINTS, 0);
    }

    /** @return whether an object of this class at this ego-frame position (metres) is placed in the filter */
    public boolean placed(String cls, double xM, double yM) {
        if (!classes.isEmpty() && !classes.contains(cls)) {
            return false;
        }
        if (!bin.contains(Math.hypot(xM, yM))) {
            return false;
        }
        for (Region r : region) {
            if (!r.contains(xM, yM)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a placed ground-truth object is counted (not ignored) */
    public boolean counted(int numPoints, double visibility) {
        return (numPoints < 0 || numPoints >= minPoints) && (Double.isNaN(visibility) || visibility >= minVisibility);
    }

    /** @return true when only class and place are filtered (nothing ignored) */
    public boolean ignoresNothing() {
        return minPoints == 0 && minVisibility == 0;
    }

    /** @return the selector tokens without brackets, e.g. {@code pedestrian, 0-30m, ego_lane, pts>=5, score>=0.3} */
    public String selector() {
        List<String> t = new ArrayList<>(classes);
        if (!bin.isAll()) {
            t.add(bin.toString());
        }
        region.forEach(r -> t.add(r.name()));
        if (minPoints != DEFAULT_MIN_POINTS) {
            t.add("pts>=" + minPoints);
        }
        if (minVisibility > 0) {
            t.add(String.format(Locale.ROOT, "vis>=%s", minVisibility));
        }
        if (minScore > 0) {
            t.add(String.format(Locale.ROOT, "score>=%s", minScore));
        }
        return String.join(", ", t);
    }
}
