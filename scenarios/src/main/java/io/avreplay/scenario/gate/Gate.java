package io.avreplay.scenario.gate;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One gate of a scenario. Absolute: {@code METRIC OP VALUE}, e.g. {@code ap[pedestrian]@2m >= 0.6},
 * passes when the candidate's value satisfies it. Regression: {@code METRIC drop OP VALUE}, e.g.
 * {@code ap[car]@2m drop <= 0.02}, where drop = baseline − candidate; it fails only when the whole
 * bootstrap confidence interval of the drop violates the bound (see {@link GateEvaluator}).
 *
 * @param metric     the metric
 * @param regression whether this is a regression gate against a baseline
 * @param op         the comparison; regression gates allow only {@code <=} and {@code <}
 * @param bound      the threshold (absolute) or the allowed drop (regression), finite
 * @param expression the text as written, for reports
 */
public record Gate(MetricId metric, boolean regression, Comparison op, double bound, String expression) {
    private static final Pattern TEXT = Pattern.compile("\\s*(\\S+?)\\s*(?:\\s(drop)\\s*)?(>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)\\s*");

    /** @throws IllegalArgumentException when a field is invalid */
    public Gate {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(expression, "expression");
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException("gate bound must be finite, got " + bound);
        }
        if (regression && (op == Comparison.GE || op == Comparison.GT)) {
            throw new IllegalArgumentException("a regression gate bounds the drop from above: use 'drop <=' or 'drop <'");
        }
    }

    /**
     * Parses a gate expression.
     *
     * @param knownClasses classes a metric may name
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Gate parse(String text, Set<String> knownClasses) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a gate (expected e.g. 'ap[car]@2m >= 0.5' or "
                    + "'ap[car]@2m drop <= 0.02')");
        }
        MetricId metric = MetricId.parse(m.group(1), knownClasses);
        return new Gate(metric, m.group(2) != null, Comparison.of(m.group(3)), Double.parseDouble(m.group(4)),
                text.trim());
    }

    @Override
    public String toString() {
        return expression;
    }
}
