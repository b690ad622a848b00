/**
 * nuScenes tracking scoring with parity to nuscenes-devkit 1.2.0 ({@code nuscenes.eval.tracking}, config
 * {@code tracking_nips_2019}) on py-motmetrics 1.4.0: the submission and ground-truth readers, the class
 * range / {@code num_pts} / bike-rack filters, per-scene tracks (track-averaged scores, gap interpolation),
 * recall thresholds, the CLEAR MOT event accumulator with the Hungarian assignment as SciPy solves it,
 * AMOTA, AMOTP and the CLEAR MOT family, and text and JSON renderers. Entry point:
 * {@link io.avreplay.eval.tracking.TrackingEvaluator}.
 */
package io.avreplay.eval.tracking;
