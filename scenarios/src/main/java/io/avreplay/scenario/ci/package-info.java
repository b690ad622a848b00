/**
 * Scoring a catalogue in CI: precomputed detections ({@link io.avreplay.scenario.ci.DetectionResults}),
 * the run over every scenario ({@link io.avreplay.scenario.ci.CatalogGate}) and its result
 * ({@link io.avreplay.scenario.ci.GateRun}), which the report renderers turn into files.
 */
package io.avreplay.scenario.ci;
