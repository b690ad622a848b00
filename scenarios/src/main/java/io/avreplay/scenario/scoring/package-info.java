/**
 * Safety scoring of a scenario beyond windowed AP: object filters and distance bins
 * ({@link io.avreplay.scenario.scoring.ObjectFilter}), one class-aware and one class-agnostic matching per
 * frame ({@link io.avreplay.scenario.scoring.FrameMatcher}) into mergeable per-frame rows
 * ({@link io.avreplay.scenario.scoring.MatchedFrame}), and pure functions over those rows: binned AP, recall
 * and precision, per-frame criteria with pass rates, error statistics of matched pairs, per-object
 * timelines, confusion matrix and max-F1 thresholds. Every function takes frame weights, so the paired
 * bootstrap of {@code scenario.gate} resamples them like AP. Nothing here knows gates or catalogues.
 */
package io.avreplay.scenario.scoring;
