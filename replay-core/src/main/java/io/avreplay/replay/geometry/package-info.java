/**
 * Rigid-body geometry shared by the log format and replay: 3-vectors, unit quaternions and SE(3)
 * poses with interpolation. Right-handed frames; metres and radians.
 */
package io.avreplay.replay.geometry;
