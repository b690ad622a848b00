/**
 * The perception benchmark behind {@code avreplay bench perception}: detector time per lidar sweep and
 * camera frame on a log's real frames, the network's share of it, and an ND4J SGEMM of the same FLOPs
 * as the baseline measured in the same run. Uses ND4J directly for that baseline (a model package in
 * the dependency rules); results are plain records.
 */
package io.avreplay.perception.bench;
