package io.avreplay.replay.mcap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Loads the chunks of an indexed MCAP file on a thread of its own, up to {@link #AHEAD} chunks ahead of
 * the reader: each chunk is mapped (or read), decompressed and its CRC checked there, so that the reading
 * thread only parses and delivers messages. On an uncompressed bag in the page cache the loading (page faults,
 * CRC-32) took about 30 % of an import's reading-thread CPU, more on a compressed bag (decompression): off that
 * thread it shortens the critical path where a core is free; on the 2-core box, whose cores the log writer already
 * keeps busy, the import measured neither faster nor slower (docs/BENCHMARKS.md, MCAP import).
 *
 * <p>Memory: {@link #SETS} sets of {@link ChunkBuffers}, used in turn, so that the chunk the reader holds and
 * the ones waiting are never overwritten: a chunk's records stay valid until the reader has taken the chunk
 * after the next one ({@link #next()} twice more). Threads: one reader calls {@link #next()} and
 * {@link #close()}; the loader thread is a daemon, stopped by {@link #close()} (also when the reader gives
 * up half-way).
 */
final class ChunkReadAhead implements AutoCloseable {
    /** Chunks loaded and waiting at most. */
    static final int AHEAD = 2;
    /** Buffer sets: the reader's chunk, the waiting ones and the one being loaded. */
    static final int SETS = AHEAD + 2;
    /** How often a loader waiting for room looks whether the reader stopped it, ms. */
    static final long POLL_MS = 10;

    /**
     * A loaded chunk: its records (decompressed, CRC checked), or why they could not be had.
     *
     * @param ref     the chunk's index entry
     * @param records the records, position 0; null when {@code error} is set
     * @param error   the chunk's damage (malformed header, unknown compression, CRC mismatch), or null
     */
    record Loaded(ChunkRef ref, ByteBuffer records, Cursor.Malformed error) {
    }

    /** What the loader thread hit that is not a damaged chunk: rethrown by {@link #next()}. */
    private record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
    private final Thread loader;
    private volatile boolean stop;

    /**
     * Starts loading {@code refs} in their order, skipping those that do not lie within {@code size} bytes
     * ({@link ChunkRef#within}): the reader must skip the same ones, so it passes the size it goes by.
     */
    ChunkReadAhead(Path file, FileChannel ch, long size, List<ChunkRef> refs) throws IOException {
        ChunkBuffers[] sets = new ChunkBuffers[SETS];
        for (int i = 0; i < SETS; i++) {
            sets[i] = new ChunkBuffers(file, ch);
        }
        this.loader = new Thread(() -> load(refs, size, sets), "mcap-chunk-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * @return the next chunk in the refs' order
     * @throws IOException    the loader's read failure, as it was
     * @throws InternalError  a fault on a mapped chunk (the file shrank), as it was
     */
    Loaded next() throws IOException {
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next MCAP chunk", e);
        }
        if (o instanceof Failure f) {
            if (f.error instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (f.error instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) f.error;
        }
        return (Loaded) o;
    }

    /**
     * Stops the loader and waits for it: a chunk being loaded is finished first, a loader waiting for room sees
     * the stop within {@link #POLL_MS}. The loader is never interrupted (an interrupt during a read would close the
     * file channel, which the reader shares).
     */
    @Override
    public void close() {
        stop = true;
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        queue.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void load(List<ChunkRef> refs, long size, ChunkBuffers[] sets) {
        try {
            int loaded = 0;
            for (ChunkRef r : refs) {
                if (stop) {
                    return;
                }
                if (r.within(size) && !put(load(r, sets[loaded++ % SETS]))) {
                    return;
                }
            }
        } catch (IOException e) {
            put(new Failure(new UncheckedIOException(e)));
        } catch (RuntimeException | Error e) {
            put(new Failure(e));
        }
    }

    private static Loaded load(ChunkRef r, ChunkBuffers buffers) throws IOException {
        Cursor c = new Cursor(buffers.read(r.offset(), Math.toIntExact(r.length())));
        try {
            if (c.u8("opcode") != McapFormat.OP_CHUNK) {
                throw new Cursor.Malformed("chunk index points at a record that is not a chunk");
            }
            return new Loaded(r, buffers.records(c.sub(c.length64("chunk length"))), null);
        } catch (Cursor.Malformed e) {
            return new Loaded(r, null, e);
        }
    }

    /**
     * Waits for room in the queue, looking at {@link #stop} every {@link #POLL_MS}; an interrupt does not stop the
     * loader (only {@link #close()} does, so the reader never waits for a chunk that will not come).
     *
     * @return false when the reader stopped the loader first
     */
    private boolean put(Object o) {
        while (!stop) {
            try {
                if (queue.offer(o, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                // not a stop: see above
            }
        }
        return false;
    }
}
