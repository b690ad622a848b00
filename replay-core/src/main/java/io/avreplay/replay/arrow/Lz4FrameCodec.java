package io.avreplay.replay.arrow;

import io.avreplay.replay.lz4.Lz4Frame;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.AbstractCompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * Arrow's {@code LZ4_FRAME} buffer codec through {@link Lz4Frame}: a compressed buffer is the uncompressed
 * length (int64 little-endian) followed by one LZ4 frame, as the Arrow IPC format specifies (the base class
 * writes the length, and stores a buffer that would not shrink uncompressed with length -1). Works on the
 * Arrow buffers' memory directly, with no heap copies. Stateless and thread-safe.
 */
final class Lz4FrameCodec extends AbstractCompressionCodec {
    @Override
    protected ArrowBuf doCompress(BufferAllocator allocator, ArrowBuf uncompressed) {
        int n = Math.toIntExact(uncompressed.writerIndex());
        int max = Lz4Frame.maxCompressedLength(n);
        ArrowBuf out = allocator.buffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + (long) max);
        try {
            int w = Lz4Frame.compress(uncompressed.nioBuffer(0, n), out.nioBuffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, max));
            out.writerIndex(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH + (long) w);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    protected ArrowBuf doDecompress(BufferAllocator allocator, ArrowBuf compressed) {
        long declared = readUncompressedLength(compressed);
        if (declared < 0 || declared > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("lz4: buffer declares " + declared + " uncompressed bytes (expected 0.."
                    + Integer.MAX_VALUE + ")");
        }
        int n = (int) declared;
        int packed = Math.toIntExact(compressed.writerIndex() - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH);
        ArrowBuf out = allocator.buffer(n);
        try {
            int got = n == 0 && packed == 0 ? 0
                    : Lz4Frame.decompress(compressed.nioBuffer(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH, packed), out.nioBuffer(0, n));
            if (got != n) {
                throw new IllegalArgumentException("lz4: buffer declares " + n + " uncompressed bytes, its frame gives " + got);
            }
            out.writerIndex(n);
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public CompressionUtil.CodecType getCodecType() {
        return CompressionUtil.CodecType.LZ4_FRAME;
    }
}
