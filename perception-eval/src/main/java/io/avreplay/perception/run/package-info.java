/**
 * The main job end to end: replay logs as synced frame sets, run the lidar and camera detectors, write
 * the detections (Arrow tables, nuScenes submission JSON, COCO results JSON), and score them against
 * the logs' ground truth with the project's nuScenes and COCO evaluators. Used by {@code avreplay run}
 * and {@code avreplay demo}. DL4J stays behind the {@link io.avreplay.perception.api.Detector} interface.
 */
package io.avreplay.perception.run;
