package io.avreplay.scenario.scoring;

import java.util.Locale;

/** An error of a matched pair, as named in gates ({@code err[car].yaw.p99}). All are magnitudes (&gt;= 0). */
public enum ErrorQuantity {
    /** |longitudinal position error| along the ground truth's heading, metres. */
    LONG("m"),
    /** |lateral position error| across the ground truth's heading, metres. */
    LAT("m"),
    /** Horizontal centre distance, metres. */
    POS("m"),
    /** Heading error wrapped to [0, π], radians. */
    YAW("rad"),
    /** Norm of the length, width and height differences, metres. */
    SIZE("m"),
    /** Norm of the velocity difference, metres per second (pairs with both velocities known). */
    VEL("m/s");

    private final String unit;

    ErrorQuantity(String unit) {
        this.unit = unit;
    }

    /** @return the unit, e.g. {@code m} */
    public String unit() {
        return unit;
    }

    /** @return the name in gates, e.g. {@code yaw} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException listing the names when unknown */
    public static ErrorQuantity of(String key) {
        for (ErrorQuantity q : values()) {
            if (q.key().equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown error quantity '" + key + "', expected one of long, lat, pos, yaw, "
                + "size, vel");
    }
}
