/**
 * nuScenes detection scoring with parity to nuscenes-devkit 1.2.0: reading submissions, the class
 * range / {@code num_pts} / bike-rack filters, greedy centre-distance matching, mergeable metric data,
 * the 101-point curves, mAP, TP errors, NDS, and text and JSON renderers. Entry point:
 * {@link io.avreplay.eval.nuscenes.NuScenesEvaluator}.
 */
package io.avreplay.eval.nuscenes;
