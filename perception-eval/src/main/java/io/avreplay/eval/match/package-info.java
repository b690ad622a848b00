/**
 * Matching of detections to ground truth, the step between records and metric data: the nuScenes
 * greedy centre-distance matcher, which takes predictions in descending score order and gives each
 * the closest free ground-truth box.
 */
package io.avreplay.eval.match;
