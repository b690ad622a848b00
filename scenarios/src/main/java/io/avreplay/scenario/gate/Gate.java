package io.avreplay.scenario.gate;

import io.avreplay.scenario.scoring.Region;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gate of a scenario. Absolute: {@code METRIC OP VALUE}, e.g. {@code ap[pedestrian]@2m >= 0.6} or
 * {@code err[car, 0-50m].yaw.p99 <= 0.2}, passes when the candidate's value satisfies it. Regression:
 * {@code METRIC drop OP VALUE} for metrics where higher is better ({@code ap[car]@2m drop <= 0.02}, drop =
 * baseline − candidate) and {@code METRIC rise OP VALUE} where lower is better
 * ({@code err[car].yaw.p99 rise <= 0.05}, rise = candidate − baseline); it fails only when the whole
 * bootstrap confidence interval of the worsening violates the bound (see {@link GateEvaluator}).
 *
 * @param metric     the metric
 * @param regression whether this is a regression gate against a baseline
 * @param op         the comparison; regression gates allow only {@code <=} and {@code <}
 * @param bound      the threshold (absolute) or the allowed worsening (regression), finite
 * @param expression the text as written, for reports
 */
public record Gate(MetricId metric, boolean regression, Comparison op, double bound, String expression) {
    private static final Pattern TEXT = Pattern.compile(
            "\\s*([a-z_]+(?:\\[[^\\]]*\\])?\\S*?)\\s*(?:\\s(drop|rise)\\s*)?(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    /** @throws IllegalArgumentException when a field is invalid */
    public Gate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expression, "expression");
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("gate bound must be finite, got " + bound);
        }
        if (regression && (op == Comparison.GE || op == Comparison.GT)) {
            throw new IllegalArgumentException("a regression gate bounds the worsening from above: use '"
                    + word(metric.kind()) + " <=' or '" + word(metric.kind()) + " <'");
        }
        if (regression && !metric.kind().resampled()) {
            throw new IllegalArgumentException(metric.kind().key() + " is per object and not bootstrapped over frames: "
                    + "give it an absolute bound, not a regression");
        }
    }

    /** Parses a gate expression without regions. */
    public static Gate parse(String text, Set<String> knownClasses) {
        return parse(text, knownClasses, Map.of());
    }

    /**
     * Parses a gate expression.
     *
     * @param knownClasses classes a metric may name
     * @param regions      regions a selector may name
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Gate parse(String text, Set<String> knownClasses, Map<String, Region> regions) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a gate (expected e.g. 'ap[car]@2m >= 0.5', "
                    + "'ap[car]@2m drop <= 0.02' or 'err[car, 0-50m].yaw.p99 <= 0.2')");
        }
        MetricId metric = MetricId.parse(m.group(1), knownClasses, regions);
        if (m.group(2) != null && !m.group(2).equals(word(metric.kind()))) {
            throw new IllegalArgumentException(metric.kind().key() + " is " + (metric.kind().higherIsBetter() ? "higher"
                    : "lower") + "-is-better: write '" + word(metric.kind()) + "', not '" + m.group(2) + "'");
        }
        return new Gate(metric, m.group(2) != null, Comparison.of(m.group(3)), Double.parseDouble(m.group(4)),
                text.trim());
    }

    /** @return the regression keyword of a kind: {@code drop} or {@code rise} */
    static String word(MetricKind kind) {
        return kind.higherIsBetter() ? "drop" : "rise";
    }

    @Override
    public String toString() {
        return expression;
    }
}
