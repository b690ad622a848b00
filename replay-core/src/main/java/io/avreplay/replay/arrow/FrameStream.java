package io.avreplay.replay.arrow;

import io.avreplay.replay.log.StreamInfo;

/**
 * Random access, by index or by time, to the frames of one stream of an open log. Indices run from 0
 * to {@code size() - 1} in timestamp order. Each {@link #read} decodes one record batch into a fresh
 * immutable value that the caller owns; no Arrow memory escapes.
 *
 * <p>Not thread-safe: one thread at a time per stream. Open a second {@link LogReader} to read the
 * same stream from two threads. Valid until its {@link LogReader} is closed.
 *
 * @param <T> the decoded frame type
 */
public interface FrameStream<T> {
    /** @return the manifest entry of this stream */
    StreamInfo info();

    /** @return number of frames */
    int size();

    /** @return timestamp of frame {@code index}, ns, from the time index (no data is read) */
    long timestampNs(int index);

    /**
     * Decodes frame {@code index}.
     *
     * @throws io.avreplay.error.CorruptLogException naming file and batch when the batch cannot be decoded
     */
    T read(int index);

    /** @return the first index with timestamp {@code >= ns}, or {@code size()} when none (O(log n)) */
    int ceilIndex(long ns);

    /** @return the last index with timestamp {@code <= ns}, or {@code -1} when none (O(log n)) */
    int floorIndex(long ns);

    /** @return the index whose timestamp is closest to {@code ns} (earlier wins ties), or -1 when empty */
    default int nearestIndex(long ns) {
        int after = ceilIndex(ns);
        int before = after - 1;
        if (after >= size()) {
            return before;
        }
        if (before < 0) {
            return after;
        }
        return (ns - timestampNs(before)) <= (timestampNs(after) - ns) ? before : after;
    }

    /**
     * Checks the CRC-32C of the record batch holding frame {@code index} against the time index.
     *
     * @throws io.avreplay.error.CorruptLogException naming file and batch on mismatch
     */
    void verify(int index);

    /**
     * {@link #verify} then {@link #read}; implementations may read the batch only once.
     *
     * @throws io.avreplay.error.ChecksumMismatchException naming file and batch on a CRC mismatch
     * @throws io.avreplay.error.CorruptLogException naming file and batch when the batch cannot be decoded
     */
    default T readVerified(int index) {
        verify(index);
        return read(index);
    }
}
