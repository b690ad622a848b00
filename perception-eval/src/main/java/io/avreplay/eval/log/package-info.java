/**
 * Evaluating against a log's own ground truth: converts the log's ego-frame 3D annotations into the
 * evaluators' world-frame records, with the sample-token convention of the nuScenes exporter.
 */
package io.avreplay.eval.log;
