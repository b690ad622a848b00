package io.avreplay.scenario.scoring;

import java.util.Locale;

/**
 * A statistic of error samples. Percentiles interpolate linearly between order statistics (NumPy's
 * default); the standard deviation is the population one (divisor n).
 */
public enum Statistic {
    MEAN, RMS, STD, P50, P90, P99, MAX;

    /** @return the name in gates, e.g. {@code p99} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the quantile of a percentile statistic, NaN for the others */
    double quantile() {
        return switch (this) {
            case P50 -> 0.5;
            case P90 -> 0.9;
            case P99 -> 0.99;
            default -> Double.NaN;
        };
    }

    /** @throws IllegalArgumentException listing the names when unknown */
    public static Statistic of(String key) {
        for (Statistic s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + key + "', expected one of mean, rms, std, p50, p90, "
                + "p99, max");
    }
}
