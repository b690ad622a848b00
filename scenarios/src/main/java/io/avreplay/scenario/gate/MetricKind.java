package io.avreplay.scenario.gate;

import java.util.Locale;

/**
 * The metrics a gate can name. Each kind says whether it needs one class, which way is better, whether the
 * paired bootstrap can resample it over frames, and which suffix ({@link Measure}) it takes. New kinds
 * (e.g. tracking metrics) are added here and computed by a {@link ScenarioScorer}.
 */
public enum MetricKind {
    /** Average precision of one class (nuScenes centre-distance AP); needs a class, optional {@code @Dm}. */
    AP(true, true, true, Measure.Shape.NONE),
    /** Mean AP over the scenario's classes that have ground truth in the window; optional {@code @Dm}. */
    MAP(false, true, true, Measure.Shape.NONE),
    /** nuScenes detection score over the scenario's classes; no selector, no distance. */
    NDS(false, true, true, Measure.Shape.NONE),
    /** Share of the selected ground truth matched, at every score. */
    RECALL(false, true, true, Measure.Shape.NONE),
    /** Share of the selected detections that are true, at every score. */
    PRECISION(false, true, true, Measure.Shape.NONE),
    /** Pass rate of a per-frame criterion: {@code frames[...].tp_rate(normal)}. */
    FRAMES(false, true, true, Measure.Shape.CRITERION),
    /** A statistic of an error of matched pairs: {@code err[...].yaw.p99}; lower is better. */
    ERR(false, false, true, Measure.Shape.ERROR),
    /** Longest consecutive miss of the worst object, seconds; lower is better; not resampled. */
    MAX_MISS_S(false, false, false, Measure.Shape.NONE),
    /** Time from entering the filter to first detection of the worst object, seconds; not resampled. */
    FIRST_DETECT_S(false, false, false, Measure.Shape.NONE),
    /** Detected share of frames of the worst object; not resampled. */
    DETECTED_SHARE(false, true, false, Measure.Shape.NONE),
    /** nuScenes tracking AMOTA of one class, tracks from the default tracker ({@link ScenarioTracks}); not resampled. */
    AMOTA(true, true, false, Measure.Shape.NONE),
    /** nuScenes tracking AMOTP of one class, metres; lower is better; not resampled. */
    AMOTP(true, false, false, Measure.Shape.NONE),
    /** nuScenes tracking MOTA of one class (at the recall of best MOTA); not resampled. */
    MOTA(true, true, false, Measure.Shape.NONE),
    /** nuScenes tracking MOTP of one class, metres; lower is better; not resampled. */
    MOTP(true, false, false, Measure.Shape.NONE),
    /** Identity switches of one class's tracks (count); lower is better; not resampled. */
    IDS(true, false, false, Measure.Shape.NONE),
    /** Track fragmentations of one class (count); lower is better; not resampled. */
    FRAG(true, false, false, Measure.Shape.NONE);

    private final boolean needsClass;
    private final boolean higherIsBetter;
    private final boolean resampled;
    private final Measure.Shape shape;

    MetricKind(boolean needsClass, boolean higherIsBetter, boolean resampled, Measure.Shape shape) {
        this.needsClass = needsClass;
        this.higherIsBetter = higherIsBetter;
        this.resampled = resampled;
        this.shape = shape;
    }

    /** @return whether the metric is of exactly one class ({@code ap[car]}) */
    public boolean needsClass() {
        return needsClass;
    }

    /** @return whether larger values are better (regression gates say {@code drop}), else {@code rise} */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** @return whether the paired bootstrap over frames applies (per-object timelines: no) */
    public boolean resampled() {
        return resampled;
    }

    /** @return the suffix the metric takes */
    public Measure.Shape shape() {
        return shape;
    }

    /** @return whether the nuScenes evaluator computes it (without a selector beyond the class) */
    public boolean nuScenes() {
        return this == AP || this == MAP || this == NDS;
    }

    /** @return whether the metric is a nuScenes tracking metric of the scenario's tracks ({@link ScenarioTracks}) */
    public boolean tracking() {
        return ordinal() >= AMOTA.ordinal();
    }

    /** @return the name used in gate expressions, e.g. {@code ap} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the names when unknown */
    public static MetricKind of(String key) {
        for (MetricKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        StringBuilder names = new StringBuilder();
        for (MetricKind k : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(k.key());
        }
        throw new IllegalArgumentException("unknown metric '" + key + "', expected one of " + names);
    }
}
