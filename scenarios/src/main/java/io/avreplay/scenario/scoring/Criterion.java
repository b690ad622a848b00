package io.avreplay.scenario.scoring;

import java.util.Locale;

/**
 * A per-frame criterion ({@code frames[pedestrian, 0-30m].tp_rate(normal) >= 0.95}). Each frame is judged
 * against a level; a frame whose denominator is empty is not judged. Levels are numbers or the presets
 * {@code strict}, {@code normal}, {@code lenient}.
 */
public enum Criterion {
    /** Share of counted ground truth matched &gt;= level; judged when the frame has counted ground truth. */
    TP_RATE(true, 1.0, 0.9, 0.7),
    /** Share of the filter's detections that are true &gt;= level; judged when it has such detections. */
    PRECISION(true, 1.0, 0.9, 0.7),
    /**
     * Share of counted ground truth matched across classes whose matched detection has the right class
     * &gt;= level; judged when some counted ground truth has a cross-class match.
     */
    LABEL_ACCURACY(true, 1.0, 0.95, 0.8),
    /** Largest centre error of the matched pairs &lt;= level metres; judged when a pair exists. */
    POSITION_ERROR(false, 0.3, 0.5, 1.0),
    /** Largest velocity error &lt;= level m/s; judged when a pair with both velocities known exists. */
    VELOCITY_ERROR(false, 0.5, 1.0, 2.0),
    /** Largest heading error &lt;= level radians; judged when a pair exists. */
    YAW_ERROR(false, 0.1, 0.2, 0.5),
    /** AP of the frame alone ({@link BinMetrics#ap}) &gt;= level; judged when it has counted ground truth. */
    FRAME_AP(true, 0.9, 0.7, 0.5);

    private final boolean atLeast;
    private final double strict;
    private final double normal;
    private final double lenient;

    Criterion(boolean atLeast, double strict, double normal, double lenient) {
        this.atLeast = atLeast;
        this.strict = strict;
        this.normal = normal;
        this.lenient = lenient;
    }

    /** @return whether a frame's value must be at least the level (else at most) */
    public boolean atLeast() {
        return atLeast;
    }

    /** @return the name in gates, e.g. {@code tp_rate} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param level a number or {@code strict}, {@code normal}, {@code lenient}
     * @return the level's value
     * @throws IllegalArgumentException when it is neither
     */
    public double level(String level) {
        return switch (level) {
            case "strict" -> strict;
            case "normal" -> normal;
            case "lenient" -> lenient;
            default -> {
                try {
                    double v = Double.parseDouble(level);
                    if (!Double.isFinite(v) || v < 0) {
                        throw new NumberFormatException();
                    }
                    yield v;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("level '" + level + "' of " + key() + " is neither a number >= 0 "
                            + "nor strict, normal or lenient");
                }
            }
        };
    }

    /** @throws IllegalArgumentException listing the names when unknown */
    public static Criterion of(String key) {
        for (Criterion c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown criterion '" + key + "', expected one of tp_rate, precision, "
                + "label_accuracy, position_error, velocity_error, yaw_error, frame_ap");
    }
}
