package io.avreplay.replay.play;

import io.avreplay.error.AvreplayException;
import java.util.ArrayDeque;

/**
 * A FIFO between one read-ahead thread and the consumer, bounded in bytes: {@link #put} blocks while
 * the lane holds {@code capacityBytes} or more, except that an empty lane always admits one entry so
 * a frame larger than the budget still passes. Thread-safe.
 */
final class ReadAheadLane {
    /** Marks the end of the schedule. */
    static final Object END = new Object();

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> sizes = new ArrayDeque<>();
    private final long capacityBytes;
    private long bufferedBytes;
    private long peakBytes;
    private boolean closed;

    ReadAheadLane(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** @return false when the lane was closed (the producer should stop) */
    synchronized boolean put(Object entry, long bytes) {
        while (!closed && !queue.isEmpty() && bufferedBytes + bytes > capacityBytes) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (closed) {
            return false;
        }
        queue.add(entry);
        sizes.add(bytes);
        bufferedBytes += bytes;
        peakBytes = Math.max(peakBytes, bufferedBytes);
        notifyAll();
        return true;
    }

    /** Blocks for the next entry; {@link #END} once closed. */
    synchronized Object take() {
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AvreplayException("replay interrupted while waiting for the read-ahead thread", e);
            }
        }
        if (closed) {
            return END;
        }
        Object entry = queue.poll();
        bufferedBytes -= sizes.poll();
        notifyAll();
        return entry;
    }

    synchronized long peakBytes() {
        return peakBytes;
    }

    synchronized void close() {
        closed = true;
        queue.clear();
        sizes.clear();
        bufferedBytes = 0;
        notifyAll();
    }
}
