/**
 * Training of the lidar and camera CenterNets on synthesized logs: sample lists over log directories,
 * a fixed-seed training loop with progress lines (loss, samples/s, ETA), checkpoints that resume, a
 * simple held-out AP (centre distance for 3D, IoU for 2D) for progress tracking, and the final model
 * zip + card with provenance. The project's metrics module does the reported scoring.
 */
package io.avreplay.perception.train;
