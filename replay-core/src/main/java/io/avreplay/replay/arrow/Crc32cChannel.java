package io.avreplay.replay.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * A write channel that forwards to another and keeps two CRC-32C sums of what passed through: one of
 * the whole file and one of the current segment (reset between record batches). Not thread-safe.
 */
final class Crc32cChannel implements WritableByteChannel {
    private final WritableByteChannel out;
    private final CRC32C whole = new CRC32C();
    private CRC32C segment = new CRC32C();
    private long bytes;

    Crc32cChannel(WritableByteChannel out) {
        this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ByteBuffer view = src.duplicate();
        int n = out.write(src);
        view.limit(view.position() + n);
        ByteBuffer second = view.duplicate();
        whole.update(view);
        segment.update(second);
        bytes += n;
        return n;
    }

    /** Starts a new segment and returns the CRC of the one that ended. */
    long resetSegment() {
        long v = segment.getValue();
        segment = new CRC32C();
        return v;
    }

    long wholeCrc() {
        return whole.getValue();
    }

    long bytesWritten() {
        return bytes;
    }

    @Override
    public boolean isOpen() {
        return out.isOpen();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String hex(long crc) {
        return String.format("%08x", crc);
    }
}
