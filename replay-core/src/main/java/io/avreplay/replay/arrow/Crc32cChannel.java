package io.avreplay.replay.arrow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.zip.CRC32C;

/**
 * A write channel that forwards to another and keeps two CRC-32C sums of what passed through: one of
 * the whole file and one of the current segment (reset between record batches). Each byte is summed once,
 * into the segment; the file's sum is the segments' sums combined ({@link #combine}). Not thread-safe.
 */
final class Crc32cChannel implements WritableByteChannel {
    /** The CRC-32C (Castagnoli) polynomial, bit-reversed. */
    private static final long POLY = 0x82F63B78L;

    private final WritableByteChannel out;
    private CRC32C segment = new CRC32C();
    private long segmentBytes;
    /** CRC of everything before the current segment. */
    private long before;
    private long bytes;

    Crc32cChannel(WritableByteChannel out) {
        this.out = out;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ByteBuffer view = src.duplicate();
        int n = out.write(src);
        view.limit(view.position() + n);
        segment.update(view);
        segmentBytes += n;
        bytes += n;
        return n;
    }

    /** Starts a new segment and returns the CRC of the one that ended. */
    long resetSegment() {
        long v = segment.getValue();
        before = combine(before, v, segmentBytes);
        segment = new CRC32C();
        segmentBytes = 0;
        return v;
    }

    long wholeCrc() {
        return combine(before, segment.getValue(), segmentBytes);
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

    /**
     * {@code ZEROS[k]}: the operator that advances a CRC over 2^k zero bytes, a 32×32 matrix over GF(2) (one
     * column per bit), for k = 0..62. Row 0 is 8 squarings of the one-zero-bit operator; each next is the
     * square of the one before.
     */
    private static final long[][] ZEROS = zeroOperators();

    /**
     * The CRC-32C of A followed by B from the CRCs of A and B and B's length: A's CRC is advanced over
     * {@code lengthB} zero bytes (multiplied by x^(8·lengthB) modulo the polynomial: one precomputed operator
     * of {@link #ZEROS} per set bit of the length) and B's CRC added. O(log lengthB).
     */
    static long combine(long crcA, long crcB, long lengthB) {
        if (lengthB <= 0) {
            return crcA;
        }
        long crc = crcA;
        for (int k = 0; k < ZEROS.length; k++) {
            if ((lengthB >>> k & 1) != 0) {
                crc = times(ZEROS[k], crc);
            }
        }
        return crc ^ crcB;
    }

    private static long[][] zeroOperators() {
        long[] op = new long[32];
        op[0] = POLY; // the operator for one zero bit
        for (int n = 1, row = 1; n < 32; n++, row <<= 1) {
            op[n] = row;
        }
        for (int i = 0; i < 3; i++) { // 2, 4, then 8 zero bits: one zero byte
            long[] sq = new long[32];
            square(sq, op);
            op = sq;
        }
        long[][] zeros = new long[63][];
        zeros[0] = op;
        for (int k = 1; k < zeros.length; k++) {
            zeros[k] = new long[32];
            square(zeros[k], zeros[k - 1]);
        }
        return zeros;
    }

    private static long times(long[] matrix, long vector) {
        long sum = 0;
        for (int i = 0; vector != 0; i++, vector >>>= 1) {
            if ((vector & 1) != 0) {
                sum ^= matrix[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] matrix) {
        for (int n = 0; n < 32; n++) {
            square[n] = times(matrix, matrix[n]);
        }
    }
}
