package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes sensor frames into a {@link LogWriter} on a second thread, so that reading and decoding the bag
 * overlaps with encoding and writing the log (on two cores the import then takes about the longer of the
 * two instead of their sum). Frames are written in the order they were handed over; at most
 * {@link #IN_FLIGHT} wait, so memory stays bounded and a slow disk slows the reader. A write that fails
 * is rethrown, as it was, by the next call or by {@link #drain()}.
 *
 * <p>Threads: one caller thread. The log writer is used only by the queue's thread until {@link #drain()}
 * returns, and then only by the caller (each hand-over is a happens-before edge). Frames handed over must
 * not be mutated afterwards. {@link #close()} stops the thread (close it before the log writer).
 */
final class FrameWriteQueue implements AutoCloseable {
    /** Frames written or waiting at once. */
    static final int IN_FLIGHT = 4;

    private final LogWriter writer;
    private final ExecutorService thread;
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private volatile Throwable failure;
    private volatile boolean closing;

    FrameWriteQueue(LogWriter writer) {
        this.writer = writer;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "mcap-import-log-writer");
            t.setDaemon(true);
            return t;
        });
    }

    void lidar(LidarSweep sweep) {
        submit(w -> w.writeLidarSweep(sweep));
    }

    /**
     * As {@link #lidar(LidarSweep)}, then runs {@code done} on the queue's thread once the sweep is written
     * or its write failed (not for a frame dropped by {@link #close()} or after a failure).
     */
    void lidar(LidarSweep sweep, Runnable done) {
        submit(w -> {
            try {
                w.writeLidarSweep(sweep);
            } finally {
                done.run();
            }
        });
    }

    void camera(CameraFrame frame) {
        submit(w -> w.writeCameraFrame(frame));
    }

    /**
     * Waits until every frame handed over is written.
     *
     * @throws RuntimeException the first write's failure, as it was (an {@link Error} likewise)
     */
    void drain() {
        acquire(IN_FLIGHT);
        slots.release(IN_FLIGHT);
        rethrow();
    }

    /**
     * Drops the frames still waiting, lets the one being written finish (so the caller may close the log
     * writer next) and stops the thread.
     */
    @Override
    public void close() {
        closing = true;
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Consumer<LogWriter> write) {
        rethrow();
        acquire(1);
        thread.execute(() -> {
            try {
                if (failure == null && !closing) {
                    write.accept(writer);
                }
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                slots.release();
            }
        });
    }

    private void acquire(int n) {
        try {
            slots.acquire(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the log writer", e);
        }
    }

    private void rethrow() {
        Throwable e = failure;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
    }
}
