package io.avreplay.replay.lz4;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHashFactory;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;

/**
 * Compresses to and decompresses from the LZ4 frame format (the lz4 project's frame specification).
 *
 * <p>Writing: one frame of independent blocks of up to 4 MiB, no content size and no checksums (MCAP
 * chunks and log batches carry their own CRCs); a block that does not shrink is stored raw, as the format
 * allows. Reading: any sequence of frames and skippable frames; independent blocks go through lz4-java's
 * bounds-checked block decoder, block and content checksums are skipped without being verified, and a
 * frame of linked blocks (the C library's default, e.g. pyarrow's) is decoded by commons-compress, which
 * supports them. Stateless and thread-safe.
 */
public final class Lz4Frame {
    private static final int MAGIC = 0x184D2204;
    private static final int SKIPPABLE_MAGIC = 0x184D2A50;
    private static final int SKIPPABLE_MASK = 0xFFFFFFF0;
    /** The largest block written: 4 MiB (block maximum size indicator 7). */
    private static final int BLOCK = 4 << 20;
    /** FLG: version 01, independent blocks, no block checksum, no content size or checksum, no dictionary. */
    private static final byte FLG = 0x60;
    /** BD: block maximum size 4 MiB. */
    private static final byte BD = 0x70;
    private static final int HEADER = 7;
    private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
    private static final LZ4SafeDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().safeDecompressor();
    /** The header checksum: the second byte of xxHash32 (seed 0) of FLG and BD. */
    private static final byte HC = (byte) (XXHashFactory.fastestInstance().hash32().hash(new byte[] {FLG, BD}, 0, 2, 0) >> 8);

    private Lz4Frame() {
    }

    /** @return the most bytes {@link #compress} writes for {@code length} input bytes */
    public static int maxCompressedLength(int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must be >= 0, got " + length);
        }
        int full = length / BLOCK;
        int last = length % BLOCK;
        long max = HEADER + 4L + (long) full * (4 + COMPRESSOR.maxCompressedLength(BLOCK))
                + (last > 0 ? 4 + COMPRESSOR.maxCompressedLength(last) : 0);
        return (int) Math.min(Integer.MAX_VALUE, max);
    }

    /**
     * Compresses {@code src} (position to limit) into one frame written at {@code dst}'s position. Neither
     * buffer's position moves.
     *
     * @param dst heap or direct; needs {@link #maxCompressedLength} bytes of room
     * @return the bytes written
     * @throws IllegalArgumentException when {@code dst} has too little room
     */
    public static int compress(ByteBuffer src, ByteBuffer dst) {
        int n = src.remaining();
        if (dst.remaining() < maxCompressedLength(n)) {
            throw new IllegalArgumentException("lz4: output has " + dst.remaining() + " bytes of room, "
                    + maxCompressedLength(n) + " needed for " + n + " bytes");
        }
        ByteBuffer out = dst.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int at = out.position();
        out.putInt(at, MAGIC).put(at + 4, FLG).put(at + 5, BD).put(at + 6, HC);
        int w = at + HEADER;
        for (int from = src.position(); from < src.limit(); from += BLOCK) {
            int len = Math.min(BLOCK, src.limit() - from);
            int packed = COMPRESSOR.compress(src, from, len, out, w + 4, COMPRESSOR.maxCompressedLength(len));
            if (packed < len) {
                out.putInt(w, packed);
                w += 4 + packed;
            } else {
                out.putInt(w, len | 0x80000000);
                out.put(w + 4, src, from, len);
                w += 4 + len;
            }
        }
        out.putInt(w, 0);
        return w + 4 - at;
    }

    /**
     * Decompresses the frames in {@code src} (position to limit) into {@code dst} from its position.
     * Neither buffer's position moves.
     *
     * @return the bytes written
     * @throws IllegalArgumentException naming the byte offset in {@code src} when the data is not LZ4 frames,
     *                                  is cut short, uses a dictionary, or decompresses to more than {@code dst} holds
     */
    public static int decompress(ByteBuffer src, ByteBuffer dst) {
        ByteBuffer in = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int p = in.position();
        int end = in.limit();
        int w = dst.position();
        while (p < end) {
            int magic = in.getInt(need(p, 4, end, "frame magic"));
            if ((magic & SKIPPABLE_MASK) == SKIPPABLE_MAGIC) {
                int size = in.getInt(need(p + 4, 4, end, "skippable frame size"));
                p = need(p + 8, size, end, "skippable frame") + size;
                continue;
            }
            if (magic != MAGIC) {
                throw new IllegalArgumentException(String.format("lz4: byte %d: expected the frame magic 04 22 4D 18, got %08X",
                        p - src.position(), Integer.reverseBytes(magic)));
            }
            int flg = in.get(need(p + 4, 2, end, "frame descriptor")) & 0xFF;
            int bd = in.get(p + 5) & 0xFF;
            if ((flg >> 6) != 1 || (flg & 0x01) != 0) {
                throw new IllegalArgumentException(String.format("lz4: byte %d: frame flags %02X (expected version 01, no dictionary)",
                        p + 4 - src.position(), flg));
            }
            if ((flg & 0x20) == 0) {
                return w - dst.position() + linked(in, p, end, dst, w);
            }
            int maxBlock = 1 << (8 + 2 * ((bd >> 4) & 7));
            p = need(p + 6, (flg & 0x08) != 0 ? 9 : 1, end, "frame header") + ((flg & 0x08) != 0 ? 9 : 1);
            while (true) {
                int size = in.getInt(need(p, 4, end, "block size"));
                p += 4;
                if (size == 0) {
                    break;
                }
                int len = size & 0x7FFFFFFF;
                if (len > maxBlock) {
                    throw new IllegalArgumentException("lz4: byte " + (p - 4 - src.position()) + ": block of " + len
                            + " bytes exceeds the frame's maximum " + maxBlock);
                }
                need(p, len, end, "block");
                w += block(in, p, len, size < 0, dst, w);
                p += len + ((flg & 0x10) != 0 ? 4 : 0);
            }
            p += (flg & 0x04) != 0 ? 4 : 0;
            if (p > end) {
                throw new IllegalArgumentException("lz4: the content checksum is cut off at byte " + (end - src.position()));
            }
        }
        return w - dst.position();
    }

    private static int block(ByteBuffer in, int p, int len, boolean raw, ByteBuffer dst, int w) {
        int room = dst.limit() - w;
        if (raw) {
            if (len > room) {
                throw new IllegalArgumentException("lz4: decompresses to more than the " + dst.remaining() + " bytes expected");
            }
            dst.duplicate().put(w, in, p, len);
            return len;
        }
        try {
            return DECOMPRESSOR.decompress(in, p, len, dst, w, room);
        } catch (LZ4Exception e) {
            throw new IllegalArgumentException("lz4: corrupt block at byte " + (p - in.position()) + " (or more than the "
                    + dst.remaining() + " bytes expected): " + e.getMessage(), e);
        }
    }

    /** A frame of linked blocks, and whatever follows it, through commons-compress. */
    private static int linked(ByteBuffer in, int p, int end, ByteBuffer dst, int w) {
        byte[] rest = new byte[end - p];
        in.get(p, rest);
        int n = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream z = new FramedLZ4CompressorInputStream(new ByteArrayInputStream(rest), true)) {
            int k;
            while ((k = z.read(buf)) > 0) {
                if (k > dst.limit() - w - n) {
                    throw new IllegalArgumentException("lz4: decompresses to more than the " + dst.remaining() + " bytes expected");
                }
                dst.put(w + n, buf, 0, k);
                n += k;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("lz4: linked-block frame: " + e.getMessage(), e);
        }
        return n;
    }

    /** @return {@code at}, when {@code n} bytes from it are before {@code end} */
    private static int need(int at, int n, int end, String what) {
        if (n < 0 || at > end - n) {
            throw new IllegalArgumentException("lz4: " + what + " of " + n + " bytes is cut off at byte " + end);
        }
        return at;
    }
}
