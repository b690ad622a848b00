package io.avreplay.replay.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A write channel that gathers small writes (an Arrow IPC writer makes about a dozen per record batch:
 * message lengths, flatbuffer metadata, padding) into one buffer of {@link #CAPACITY} bytes, so that they
 * reach the file in one system call; a write at least that large goes straight through, after what is
 * gathered. Every write is taken whole ({@code write} returns the bytes remaining in {@code src}). The
 * gathered bytes are written by {@link #close()} (or by the next large write), so the file is complete only
 * once the channel is closed. Not thread-safe.
 */
final class SmallWriteBuffer implements WritableByteChannel {
    /** Bytes gathered at most before they are written: 64 KiB. */
    static final int CAPACITY = 64 << 10;

    private final WritableByteChannel out;
    private final ByteBuffer pending = ByteBuffer.allocateDirect(CAPACITY);

    SmallWriteBuffer(WritableByteChannel out) {
        this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (n >= CAPACITY) {
            flush();
            writeFully(src);
            return n;
        }
        if (n > pending.remaining()) {
            flush();
        }
        pending.put(src);
        return n;
    }

    @Override
    public boolean isOpen() {
        return out.isOpen();
    }

    /** Writes what is gathered, then closes the file (which is closed even when that write fails). */
    @Override
    public void close() throws IOException {
        try (out) {
            if (out.isOpen()) {
                flush();
            }
        }
    }

    private void flush() throws IOException {
        pending.flip();
        writeFully(pending);
        pending.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
