package io.avreplay.scenario.gate;

import io.avreplay.scenario.scoring.Criterion;
import io.avreplay.scenario.scoring.ErrorQuantity;
import io.avreplay.scenario.scoring.Statistic;
import java.util.Locale;
import java.util.Objects;

/** What a metric's suffix selects: nothing, an error statistic ({@code .yaw.p99}) or a criterion ({@code .tp_rate(0.9)}). */
public sealed interface Measure {
    /** The suffix a {@link MetricKind} takes. */
    enum Shape { NONE, ERROR, CRITERION }

    /** @return the shape */
    Shape shape();

    /** @return the suffix text, "" or starting with a dot */
    String suffix();

    /** No suffix. */
    record None() implements Measure {
        /** The one instance. */
        public static final None INSTANCE = new None();

        @Override
        public Shape shape() {
            return Shape.NONE;
        }

        @Override
        public String suffix() {
            return "";
        }
    }

    /**
     * An error statistic.
     *
     * @param quantity which error
     * @param statistic which statistic of its samples
     */
    record ErrorStat(ErrorQuantity quantity, Statistic statistic) implements Measure {
        public ErrorStat {
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(statistic, "statistic");
        }

        @Override
        public Shape shape() {
            return Shape.ERROR;
        }

        @Override
        public String suffix() {
            return "." + quantity.key() + "." + statistic.key();
        }
    }

    /**
     * A per-frame criterion at a level.
     *
     * @param criterion the criterion
     * @param levelText the level as written ({@code normal} or a number)
     * @param level     its value (share, metres, m/s or radians by criterion)
     */
    record PerFrame(Criterion criterion, String levelText, double level) implements Measure {
        public PerFrame {
            Objects.requireNonNull(criterion, "criterion");
            Objects.requireNonNull(levelText, "levelText");
            if (!Double.isFinite(level) || level < 0) {
                throw new IllegalArgumentException("criterion level must be finite and >= 0, got " + level);
            }
        }

        @Override
        public Shape shape() {
            return Shape.CRITERION;
        }

        @Override
        public String suffix() {
            return "." + criterion.key() + "(" + levelText + ")";
        }
    }

    /**
     * Parses a suffix without its leading dot: {@code yaw.p99} or {@code tp_rate(normal)}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static Measure parse(Shape shape, String text, String metric) {
        if (shape == Shape.NONE) {
            if (!text.isEmpty()) {
                throw new IllegalArgumentException(metric + " takes no suffix, got '." + text + "'");
            }
            return None.INSTANCE;
        }
        if (shape == Shape.ERROR) {
            String[] p = text.split("\\.");
            if (p.length != 2) {
                throw new IllegalArgumentException(metric + " needs '.QUANTITY.STATISTIC', e.g. " + metric + ".yaw.p99");
            }
            return new ErrorStat(ErrorQuantity.of(p[0]), Statistic.of(p[1]));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z_]+)\\(([a-z0-9.]+)\\)").matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(metric + " needs '.CRITERION(LEVEL)', e.g. " + metric
                    + ".tp_rate(normal)");
        }
        Criterion c = Criterion.of(m.group(1));
        return new PerFrame(c, m.group(2).toLowerCase(Locale.ROOT), c.level(m.group(2)));
    }
}
