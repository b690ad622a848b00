package io.avreplay.replay.arrow;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One lidar sweep's six columns (sensor frame: x, y, z in metres, intensity, ring, per-point time offset in
 * ns) in Arrow memory, for a decoder that fills them in place and {@link LogWriter#writeLidarColumns} that
 * writes them as a record batch without copying them: the importers' fast path, where a sweep's bytes
 * would otherwise be copied from the decoder's arrays into the writer's vectors. The columns are
 * little-endian {@link ByteBuffer}s over the Arrow buffers, point {@code i} at byte {@code 4 i} of the
 * float and int columns and byte {@code i} of {@link #ring()}; every point is valid (no nulls).
 *
 * <p>Ownership: the columns own their buffers, taken from the allocator given to {@link #allocate};
 * {@link #close()} gives them back. A write retains them only while it runs, so once
 * {@link LogWriter#writeLidarColumns} returned the columns may be refilled. Threads: one at a time; when
 * one thread fills them and another writes them, the hand-over must order the fill before the write (a
 * queue or lock does).
 */
public final class LidarColumns implements AutoCloseable {
    private final int capacity;
    /** validity (all ones), x, y, z, intensity, ring, offset_ns. */
    private final ArrowBuf validity;
    private final ArrowBuf[] data = new ArrowBuf[6];
    private final ByteBuffer[] views = new ByteBuffer[6];
    private boolean closed;

    private LidarColumns(BufferAllocator allocator, int capacity) {
        this.capacity = capacity;
        int[] widths = {4, 4, 4, 4, 1, 4};
        ArrowBuf v = null;
        try {
            v = allocator.buffer(Math.max(1, (capacity + 7) / 8));
            v.setOne(0, v.capacity());
            for (int c = 0; c < data.length; c++) {
                data[c] = allocator.buffer(Math.max(1, (long) capacity * widths[c]));
                views[c] = data[c].nioBuffer(0, capacity * widths[c]).order(ByteOrder.LITTLE_ENDIAN);
            }
        } catch (RuntimeException e) {
            if (v != null) {
                v.close();
            }
            for (ArrowBuf b : data) {
                if (b != null) {
                    b.close();
                }
            }
            throw e;
        }
        this.validity = v;
    }

    /**
     * @param allocator where the buffers come from (the caller keeps it open until {@link #close()})
     * @param capacity  points the columns hold, ≥ 0
     * @throws IllegalArgumentException when {@code capacity} is negative or its byte sizes overflow an int
     */
    public static LidarColumns allocate(BufferAllocator allocator, int capacity) {
        if (capacity < 0 || capacity > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("capacity must be 0.." + Integer.MAX_VALUE / 4 + " points, got " + capacity);
        }
        return new LidarColumns(allocator, capacity);
    }

    /** @return the points the columns hold */
    public int capacity() {
        return capacity;
    }

    /** @return x in metres, float32 per point (little-endian, absolute indexing) */
    public ByteBuffer x() {
        return views[0];
    }

    /** @return y in metres, float32 per point */
    public ByteBuffer y() {
        return views[1];
    }

    /** @return z in metres, float32 per point */
    public ByteBuffer z() {
        return views[2];
    }

    /** @return intensity, float32 per point */
    public ByteBuffer intensity() {
        return views[3];
    }

    /** @return beam index, one unsigned byte per point */
    public ByteBuffer ring() {
        return views[4];
    }

    /** @return time offset from the sweep's timestamp, ns, int32 per point */
    public ByteBuffer offsetNs() {
        return views[5];
    }

    /**
     * A read-only view of the first {@code n} points, valid until the columns are refilled or closed.
     *
     * @param timestampNs the sweep's time, ns
     */
    public LidarPointsView view(String sensorId, long timestampNs, int n) {
        checkSize(n);
        return new LidarPointsView(sensorId, timestampNs, n, slice(0, 4 * n).asFloatBuffer(),
                slice(1, 4 * n).asFloatBuffer(), slice(2, 4 * n).asFloatBuffer(), slice(3, 4 * n).asFloatBuffer(),
                slice(4, n), slice(5, 4 * n).asIntBuffer());
    }

    /**
     * The record batch's buffers for the first {@code n} points, in the log's lidar schema order (validity
     * then data, per column), each with its readable bytes set to what the batch holds.
     */
    List<ArrowBuf> buffers(int n) {
        checkSize(n);
        validity.readerIndex(0).writerIndex((n + 7) / 8);
        int[] widths = {4, 4, 4, 4, 1, 4};
        for (int c = 0; c < data.length; c++) {
            data[c].readerIndex(0).writerIndex((long) n * widths[c]);
        }
        return List.of(validity, data[0], validity, data[1], validity, data[2], validity, data[3], validity, data[4],
                validity, data[5]);
    }

    /** Gives the buffers back to their allocator; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        validity.close();
        for (ArrowBuf b : data) {
            b.close();
        }
    }

    private ByteBuffer slice(int column, int bytes) {
        return views[column].slice(0, bytes).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    private void checkSize(int n) {
        if (closed) {
            throw new IllegalStateException("lidar columns already closed");
        }
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("points must be 0.." + capacity + ", got " + n);
        }
    }
}
