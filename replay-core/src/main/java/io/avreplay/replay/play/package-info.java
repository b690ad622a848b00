/**
 * The replay engine: plays the sensor streams of one or more logs as one timeline, in timestamp
 * order, through a pull {@link io.avreplay.replay.play.ReplayIterator} or a
 * {@link io.avreplay.replay.play.ReplayListener}. Entry point: {@link io.avreplay.replay.play.Replay#builder}.
 *
 * <p>Pieces: a schedule computed from the logs' time indexes only (which frame comes next), a
 * decoder that turns scheduled frames into records (on a read-ahead thread with its own
 * {@code LogReader}s, bounded in bytes), and a player on the caller's thread that paces frames
 * against a {@link io.avreplay.replay.play.ReplayClock}, honours pause and step, and keeps the
 * {@link io.avreplay.replay.play.ReplaySummary}. Frame sets ({@code io.avreplay.replay.sync}) are
 * scheduled and decoded the same way.
 */
package io.avreplay.replay.play;
