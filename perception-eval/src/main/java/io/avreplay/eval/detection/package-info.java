/**
 * Plain detection records shared by every benchmark: 3D boxes in the world frame, 3D detections and
 * ground truth, and the provenance every evaluation result carries. No DL4J/ND4J types: perception
 * models convert their outputs into these records before scoring.
 */
package io.avreplay.eval.detection;
