/**
 * Scoring a catalogue in CI: precomputed detections ({@link io.avreplay.scenario.ci.DetectionResults}),
 * the run over every scenario ({@link io.avreplay.scenario.ci.CatalogGate}) and its result
 * ({@link io.avreplay.scenario.ci.GateRun}), which the report renderers turn into files. Output stamps
 * are associated with ground-truth stamps within a tolerance; a run that judged nothing (no scenario, no
 * gate, a window without frames) fails ({@link io.avreplay.scenario.ci.GateRun#problems()}).
 */
package io.avreplay.scenario.ci;
