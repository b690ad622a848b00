package io.avreplay.scenario.scoring;

import java.util.List;
import java.util.Locale;

/**
 * A per-object timeline measure reduced to its worst object, as named in gates
 * ({@code max_miss_s[pedestrian, 0-20m] <= 0.5}). NaN when no object is in the filter.
 */
public enum TimelineMeasure {
    /** Largest {@link ObjectTimeline#longestMissS()}, seconds (lower is better). */
    MAX_MISS_S(false),
    /** Largest {@link ObjectTimeline#firstDetectS()}, seconds; +Infinity when one is never detected. */
    FIRST_DETECT_S(false),
    /** Smallest {@link ObjectTimeline#detectedShare()} (higher is better). */
    DETECTED_SHARE(true);

    private final boolean higherIsBetter;

    TimelineMeasure(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** @return whether larger values are better */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return the name in gates */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the worst object's value, NaN without objects */
    public double worst(List<ObjectTimeline> objects) {
        if (objects.isEmpty()) {
            return Double.NaN;
        }
        return switch (this) {
            case MAX_MISS_S -> objects.stream().mapToDouble(ObjectTimeline::longestMissS).max().getAsDouble();
            case FIRST_DETECT_S -> objects.stream().mapToDouble(ObjectTimeline::firstDetectS).max().getAsDouble();
            case DETECTED_SHARE -> objects.stream().mapToDouble(ObjectTimeline::detectedShare).min().getAsDouble();
        };
    }
}
