package io.avreplay.scenario.gate;

import java.util.Locale;

/** The metrics a gate can name. Values are in [0, 1]; higher is better for all of them. */
public enum MetricKind {
    /** Average precision of one class (nuScenes centre-distance AP); needs a class, optional {@code @Dm}. */
    AP(true),
    /** Mean AP over the scenario's classes that have ground truth in the window; optional {@code @Dm}. */
    MAP(false),
    /** nuScenes detection score over the scenario's classes; no class, no distance. */
    NDS(false);

    private final boolean needsClass;

    MetricKind(boolean needsClass) {
        this.needsClass = needsClass;
    }

    /** @return whether the metric is of one class ({@code ap[car]}) */
    public boolean needsClass() {
        return needsClass;
    }

    /** @return the name used in gate expressions, e.g. {@code ap} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
