/**
 * Gates: expressions such as {@code ap[pedestrian]@2m >= 0.6} or {@code ap[car]@2m drop <= 0.02}
 * ({@link io.avreplay.scenario.gate.Gate}, {@link io.avreplay.scenario.gate.MetricId}), the metric
 * computation behind them as a plug-in ({@link io.avreplay.scenario.gate.ScenarioScorer}, with a built-in
 * centre-distance scorer), and {@link io.avreplay.scenario.gate.GateEvaluator}, which decides each gate,
 * regressions through a paired bootstrap over frames.
 */
package io.avreplay.scenario.gate;
