/**
 * Sensor synchronisation: {@link io.avreplay.replay.sync.FrameSet}s built around a reference stream
 * (by default the first lidar). Each frame set holds the reference frame, for every selected camera
 * the frame chosen by a {@link io.avreplay.replay.sync.SyncPolicy} within a tolerance (or the
 * camera's id among the missing), the ego pose interpolated at the reference time and the ground
 * truth of that time. The values here are plain records; the replay engine
 * ({@code io.avreplay.replay.play}) builds them.
 */
package io.avreplay.replay.sync;
