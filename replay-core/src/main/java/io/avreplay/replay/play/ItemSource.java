package io.avreplay.replay.play;

import java.util.Optional;

/**
 * Where a player takes decoded steps from: directly (decoding on the caller's thread) or from a
 * read-ahead thread.
 *
 * @param <T> the item type
 */
interface ItemSource<T> extends AutoCloseable {
    /**
     * Blocks until the next step is decoded.
     *
     * @return the next decoded step, or empty at the end
     * @throws io.avreplay.error.CorruptLogException (or any failure of decoding) in replay order
     */
    Optional<Decoded<T>> take();

    /** @return the most bytes held at once by a read-ahead buffer (0 when there is none) */
    long peakBufferedBytes();

    @Override
    void close();
}
