package io.avreplay.replay.play;

import io.avreplay.error.AvreplayException;
import io.avreplay.replay.arrow.LogReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Decodes steps ahead of the consumer on a daemon thread that opens its own {@link LogReader}s (readers
 * are not thread-safe), so decoding overlaps consumption. Decoded items wait in a FIFO bounded in
 * bytes: the thread blocks while the queue holds {@code capacityBytes} or more, except that one item
 * is always admitted so a frame larger than the budget still passes. A failure on the thread is
 * queued in order and rethrown by {@link #take()} after the items before it.
 *
 * <p>Closing stops the thread after its current step (without interrupting it: an interrupt would
 * close the readers' file channels) and closes its readers.
 */
final class ReadAhead<T> implements ItemSource<T> {
    private static final Object END = new Object();

    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> sizes = new ArrayDeque<>();
    private final long capacityBytes;
    private final Thread thread;
    private long bufferedBytes;
    private long peakBytes;
    private boolean closed;
    private boolean ended;

    ReadAhead(Production<T> production, List<Path> logDirs, BufferAllocator allocator, long capacityBytes) {
        this.capacityBytes = capacityBytes;
        this.thread = new Thread(() -> produce(production, logDirs, allocator), "avreplay-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(Production<T> production, List<Path> logDirs, BufferAllocator allocator) {
        List<LogReader> readers = new ArrayList<>();
        try {
            for (Path dir : logDirs) {
                readers.add(LogReader.open(dir, allocator));
            }
            Iterator<Decoded<T>> steps = production.start(readers);
            while (steps.hasNext()) {
                Decoded<T> d = steps.next();
                if (!put(d, d.bytes())) {
                    return;
                }
            }
            put(END, 0);
        } catch (RuntimeException | Error e) {
            put(e, 0);
        } finally {
            for (LogReader r : readers) {
                r.close();
            }
        }
    }

    private synchronized boolean put(Object entry, long bytes) {
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

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Optional<Decoded<T>> take() {
        if (ended) {
            return Optional.empty();
        }
        while (queue.isEmpty() && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AvreplayException("replay interrupted while waiting for the read-ahead thread", e);
            }
        }
        if (closed) {
            return Optional.empty();
        }
        Object entry = queue.poll();
        bufferedBytes -= sizes.poll();
        notifyAll();
        if (entry == END) {
            ended = true;
            return Optional.empty();
        }
        if (entry instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        if (entry instanceof Error e) {
            ended = true;
            throw e;
        }
        return Optional.of((Decoded<T>) entry);
    }

    @Override
    public synchronized long peakBufferedBytes() {
        return peakBytes;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
            sizes.clear();
            bufferedBytes = 0;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
