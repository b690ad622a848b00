package io.avreplay.eval.tracking;

import java.util.Locale;

/**
 * The 17 tracking metrics, in the devkit's order. Per class they are read at the recall threshold of best
 * MOTA (AMOTA and AMOTP average over all thresholds); overall, the counts are summed over classes and the
 * rest averaged, NaN classes ignored.
 */
public enum TrackingMetric {
    /** Average MOTAR over the recall thresholds (unachieved ones count 0). */
    AMOTA("amota", "%.3f", false),
    /** Average MOTP over the recall thresholds (unachieved ones count 2 m), metres. */
    AMOTP("amotp", "%.3f", false),
    /** Matched or switched ground truth / ground truth. */
    RECALL("recall", "%.3f", false),
    /** MOTA normalised by recall, clipped at 0. */
    MOTAR("motar", "%.3f", false),
    /** Ground-truth boxes after filtering and interpolation (averaged overall). */
    GT("gt", "%d", false),
    /** 1 - (FN + IDS + FP) / GT, clipped at 0. */
    MOTA("mota", "%.3f", false),
    /** Mean centre distance of matches, metres. */
    MOTP("motp", "%.3f", false),
    /** Mostly tracked ground-truth tracks (>= 80 % of their boxes). */
    MT("mt", "%d", true),
    /** Mostly lost ground-truth tracks (< 20 % of their boxes). */
    ML("ml", "%d", true),
    /** False alarms per 100 frames. */
    FAF("faf", "%.1f", false),
    /** True positives (matches that are not identity switches). */
    TP("tp", "%d", true),
    /** False positives. */
    FP("fp", "%d", true),
    /** False negatives. */
    FN("fn", "%d", true),
    /** Identity switches. */
    IDS("ids", "%d", true),
    /** Fragmentations: tracked-to-lost transitions inside a track's tracked span. */
    FRAG("frag", "%d", true),
    /** Track initialisation duration, seconds. */
    TID("tid", "%.2f", false),
    /** Longest gap duration, seconds. */
    LGD("lgd", "%.2f", false);

    private final String key;
    private final String format;
    private final boolean summed;

    TrackingMetric(String key, String format, boolean summed) {
        this.key = key;
        this.format = format;
        this.summed = summed;
    }

    /** @return the devkit's name, e.g. {@code amota} */
    public String key() {
        return key;
    }

    /** @return whether the overall value is the sum over classes (else the mean) */
    public boolean summed() {
        return summed;
    }

    /** @return the metric of the devkit name {@code key}; @throws IllegalArgumentException when unknown */
    public static TrackingMetric ofKey(String key) {
        for (TrackingMetric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown tracking metric: " + key);
    }

    /** @return the value printed as the devkit prints it (3, 2 or 1 decimals, or an integer) */
    String print(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (format.equals("%d")) {
            return String.valueOf((long) v);
        }
        int decimals = format.charAt(2) - '0';
        return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    @Override
    public String toString() {
        return key.toUpperCase(Locale.ROOT);
    }
}
