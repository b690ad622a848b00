/**
 * The main job end to end, in three pieces: {@link io.avreplay.perception.run.DetectionLoop} (the one
 * detection loop: one open reader's frame sets, with their ground truth, ego pose and calibration, through
 * the detectors; also used by {@code gate}), {@code LogScore} (per-log nuScenes and COCO metric data from
 * those frame sets, merged across logs) and {@code DetectionSink} (Arrow tables, nuScenes submission JSON,
 * COCO JSON). {@link io.avreplay.perception.run.RunPipeline} wires them for {@code avreplay run},
 * {@code demo} and {@code compare} and publishes the output directory atomically;
 * {@link io.avreplay.perception.run.RunResult} carries the metrics and a
 * {@link io.avreplay.perception.run.RunProvenance}. DL4J stays behind the
 * {@link io.avreplay.perception.api.Detector} interface.
 */
package io.avreplay.perception.run;
