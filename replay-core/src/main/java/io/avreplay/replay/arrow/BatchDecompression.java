package io.avreplay.replay.arrow;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;
import org.apache.arrow.vector.compression.NoCompressionCodec;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;

/**
 * Decompresses every buffer of a compressed record batch before it is loaded, so that a failure half
 * way (corrupt ZSTD or LZ4 data) releases what was already decompressed. Arrow's {@code VectorLoader}
 * decompresses while loading and keeps the buffers of a field it could not finish, which leaks them.
 * Declared sizes are bounded by {@link BatchBounds} first. Stateless.
 */
final class BatchDecompression {
    private BatchDecompression() {
    }

    /**
     * @return {@code batch} itself when it is not compressed, else a new uncompressed batch (owning its
     *         buffers; the caller closes it, and still closes {@code batch})
     */
    static ArrowRecordBatch decompress(ArrowRecordBatch batch, BufferAllocator allocator) {
        CompressionUtil.CodecType type = CompressionUtil.CodecType.fromCompressionType(batch.getBodyCompression().getCodec());
        if (type == CompressionUtil.CodecType.NO_COMPRESSION) {
            return batch;
        }
        CompressionCodec codec = ArrowCodecs.INSTANCE.createCodec(type);
        List<ArrowBuf> plain = new ArrayList<>();
        try {
            for (ArrowBuf b : batch.getBuffers()) {
                plain.add(decompress(b, codec, allocator));
            }
            // the batch takes its own reference of each buffer; ours are dropped below
            return new ArrowRecordBatch(batch.getLength(), batch.getNodes(), plain,
                    NoCompressionCodec.DEFAULT_BODY_COMPRESSION, true);
        } finally {
            for (ArrowBuf b : plain) {
                b.close();
            }
        }
    }

    /** @return a buffer holding one reference for the caller */
    private static ArrowBuf decompress(ArrowBuf b, CompressionCodec codec, BufferAllocator allocator) {
        long size = b.writerIndex();
        if (size < CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH) {
            b.getReferenceManager().retain();
            return b;
        }
        long declared = b.getLong(0);
        if (declared == CompressionUtil.NO_COMPRESSION_LENGTH) {
            ArrowBuf slice = b.slice(CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH,
                    size - CompressionUtil.SIZE_OF_UNCOMPRESSED_LENGTH);
            slice.getReferenceManager().retain();
            return slice;
        }
        b.getReferenceManager().retain(); // the codec consumes one reference when it succeeds
        try {
            return codec.decompress(allocator, b);
        } catch (RuntimeException e) {
            b.getReferenceManager().release();
            throw e;
        }
    }
}
