/**
 * The log model of format v1: the manifest, the streams it lists and the values stored in them
 * (sweeps, camera frames, poses, calibration, ground truth). Plain immutable records; the Arrow
 * encoding lives in {@code io.avreplay.replay.arrow}.
 *
 * <p>Conventions: timestamps are {@code long} nanoseconds, distances metres, angles radians. Ego and
 * lidar frames are right-handed with x forward, y left, z up; camera frames x right, y down, z forward.
 */
package io.avreplay.replay.log;
