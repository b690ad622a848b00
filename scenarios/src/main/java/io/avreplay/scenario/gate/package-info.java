/**
 * Gates: expressions such as {@code ap[pedestrian]@2m >= 0.6} or {@code ap[car]@2m drop <= 0.02}
 * ({@link io.avreplay.scenario.gate.Gate}, {@link io.avreplay.scenario.gate.MetricId}), the metric
 * computation behind them as a plug-in ({@link io.avreplay.scenario.gate.ScenarioScorer}, with a built-in
 * centre-distance scorer), and {@link io.avreplay.scenario.gate.GateEvaluator}, which decides each gate,
 * regressions through a paired bootstrap over frames. Selectors, bins, per-frame criteria, error statistics
 * and timelines ({@code frames[pedestrian, 0-30m].tp_rate(normal) >= 0.95}) are computed by
 * {@link io.avreplay.scenario.gate.SafetyScorer} on top of {@code scenario.scoring}.
 */
package io.avreplay.scenario.gate;
