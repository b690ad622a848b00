/**
 * A run's results laid over a log for pictures: each frame's detections matched to its ground truth under
 * the evaluators' rules ({@link io.avreplay.eval.match.FrameMatch}) and turned into coloured marks (true
 * positive, false positive, missed). Read by the renderer, the video export and the browser viewer.
 */
package io.avreplay.scenario.overlay;
