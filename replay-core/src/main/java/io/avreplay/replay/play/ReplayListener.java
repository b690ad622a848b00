package io.avreplay.replay.play;

/**
 * Receives the items of a replay ({@link ReplayFrame}s or {@link io.avreplay.replay.sync.FrameSet}s)
 * in order, on the thread that called {@code Replay.play}. An exception thrown here stops the replay:
 * {@code play} throws a {@link ReplayListenerException} naming the item, with this exception as its
 * cause.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ReplayListener<T> {
    void onItem(T item) throws Exception;
}
