package io.avreplay.replay.play;

import io.avreplay.replay.arrow.Checksums;
import io.avreplay.replay.arrow.LogReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Decodes steps ahead of the consumer on {@code threads} daemon threads, each with its own
 * {@link LogReader#view views} of the replay's open readers (readers are not thread-safe; a view shares
 * the open log's checked index and calibration, so no log is opened again), so decoding overlaps consumption. Thread {@code w}
 * walks the whole (cheap, index-only) schedule and decodes the steps {@code w, w + threads, ...} into
 * its own {@link ReadAheadLane}; the consumer takes from the lanes in turn, so order is kept. The
 * byte budget is split evenly between the lanes. A failure on a thread reaches the consumer at the
 * step where it happened, after every earlier item.
 *
 * <p>Closing stops the threads after their current step (without interrupting them: an interrupt
 * would close the readers' file channels), waits for them and so for their readers to close.
 */
final class ReadAhead<T> implements ItemSource<T> {
    private final List<ReadAheadLane> lanes = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private long next;
    private boolean ended;

    ReadAhead(Production<T> production, List<LogReader> logs, BufferAllocator allocator, long capacityBytes,
            int threadCount, Checksums checksums) {
        for (int w = 0; w < threadCount; w++) {
            lanes.add(new ReadAheadLane(Math.max(1, capacityBytes / threadCount)));
        }
        for (int w = 0; w < threadCount; w++) {
            int lane = w;
            Thread t = new Thread(() -> produce(production, logs, allocator, lane, threadCount, checksums),
                    "avreplay-read-ahead-" + w);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /**
     * Decodes this lane's steps. Nothing escapes the thread: a failure, including one from closing the
     * readers afterwards, goes to the consumer (a close failure after an earlier one is suppressed by it).
     */
    private void produce(Production<T> production, List<LogReader> logs, BufferAllocator allocator, int lane,
            int count, Checksums checksums) {
        ReadAheadLane out = lanes.get(lane);
        List<LogReader> readers = new ArrayList<>();
        try {
            for (LogReader log : logs) {
                readers.add(log.view(allocator, checksums));
            }
            Production.Pipeline<T> steps = production.start(readers);
            for (long seq = 0; steps.hasNext(); seq++) {
                if (seq % count != lane) {
                    steps.skip();
                    continue;
                }
                Decoded<T> d = steps.decodeNext();
                if (!out.put(d, d.bytes())) {
                    closeAll(readers, null); // the consumer has gone: nobody to tell
                    return;
                }
            }
            Throwable closing = closeAll(readers, null);
            out.put(closing == null ? ReadAheadLane.END : closing, 0);
        } catch (RuntimeException | Error e) {
            closeAll(readers, e);
            out.put(e, 0);
        }
    }

    /** Closes every reader; returns the first failure, or adds them all to {@code cause} when there is one. */
    private static Throwable closeAll(List<LogReader> readers, Throwable cause) {
        try {
            LogReader.closeAll(readers);
            return null;
        } catch (RuntimeException e) {
            if (cause == null) {
                return e;
            }
            cause.addSuppressed(e);
            return null;
        } finally {
            readers.clear();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Decoded<T>> take() {
        if (ended) {
            return Optional.empty();
        }
        Object entry = lanes.get((int) (next % lanes.size())).take();
        if (entry == ReadAheadLane.END) {
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
        next++;
        return Optional.of((Decoded<T>) entry);
    }

    @Override
    public long peakBufferedBytes() {
        return lanes.stream().mapToLong(ReadAheadLane::peakBytes).sum();
    }

    @Override
    public void close() {
        ended = true;
        lanes.forEach(ReadAheadLane::close);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
