package io.avreplay.scenario.scoring;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A range of horizontal distance from the ego origin, {@code [minM, maxM)}, metres.
 *
 * @param minM lower end, inclusive, metres, finite and &gt;= 0
 * @param maxM upper end, exclusive, metres, &gt; minM; {@code +Infinity} for an open bin ({@code 50-})
 */
public record DistanceBin(double minM, double maxM) {
    /** Every distance. */
    public static final DistanceBin ALL = new DistanceBin(0, Double.POSITIVE_INFINITY);
    private static final Pattern TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)-(\\d+(?:\\.\\d+)?)?m?");

    public DistanceBin {
        if (!(minM >= 0) || Double.isInfinite(minM)) {
            throw new IllegalArgumentException("distance bin minM must be finite and >= 0, got " + minM);
        }
        if (!(maxM > minM)) {
            throw new IllegalArgumentException("distance bin maxM must be > minM " + minM + ", got " + maxM);
        }
    }

    /**
     * Parses {@code 0-30}, {@code 0-30m}, {@code 50-} or {@code 50-m}.
     *
     * @throws IllegalArgumentException naming the text when it is not a bin
     */
    public static DistanceBin parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a distance bin (expected e.g. 0-30m or 50-)");
        }
        double hi = m.group(2) == null ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(2));
        return new DistanceBin(Double.parseDouble(m.group(1)), hi);
    }

    /** @return whether a distance, metres, lies in the bin */
    public boolean contains(double distanceM) {
        return distanceM >= minM && distanceM < maxM;
    }

    /** @return whether this is {@link #ALL} */
    public boolean isAll() {
        return equals(ALL);
    }

    /** @return the text form, e.g. {@code 0-30m} or {@code 50-m} */
    @Override
    public String toString() {
        return num(minM) + "-" + (Double.isInfinite(maxM) ? "" : num(maxM)) + "m";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
