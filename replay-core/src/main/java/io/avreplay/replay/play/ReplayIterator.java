package io.avreplay.replay.play;

import java.util.Iterator;

/**
 * The pull side of a replay. {@link #next()} blocks while the replay is paused and, for a paced
 * replay, until the item is due. Close it to stop its read-ahead thread (closing the
 * {@link Replay} closes it too). Single consumer: not thread-safe.
 *
 * @param <T> {@link ReplayFrame} or {@link io.avreplay.replay.sync.FrameSet}
 */
public interface ReplayIterator<T> extends Iterator<T>, AutoCloseable {
    /**
     * {@inheritDoc}
     *
     * @throws io.avreplay.error.CorruptLogException naming file and batch when the next frame is
     *         corrupt and corrupt frames are not skipped
     */
    @Override
    boolean hasNext();

    /** @return what has been released so far (complete once {@link #hasNext()} returned false) */
    ReplaySummary summary();

    /** Stops the read-ahead thread and releases its readers. Idempotent. */
    @Override
    void close();
}
