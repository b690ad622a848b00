package io.avreplay.replay.arrow;

import org.apache.arrow.compression.CommonsCompressionFactory;
import org.apache.arrow.vector.compression.CompressionCodec;
import org.apache.arrow.vector.compression.CompressionUtil;

/**
 * The Arrow buffer codecs every reader and writer of Arrow IPC files here uses: {@code LZ4_FRAME} through
 * lz4-java ({@link Lz4FrameCodec}; Arrow's own LZ4 codec goes through commons-compress's pure-Java frame
 * compressor, which took over 12 minutes for a log ZSTD writes in seconds), {@code ZSTD} and no compression
 * as arrow-compression provides them (zstd-jni). Stateless and thread-safe.
 */
public final class ArrowCodecs implements CompressionCodec.Factory {
    /** The one instance. */
    public static final ArrowCodecs INSTANCE = new ArrowCodecs();

    private ArrowCodecs() {
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type) {
        return type == CompressionUtil.CodecType.LZ4_FRAME ? new Lz4FrameCodec()
                : CommonsCompressionFactory.INSTANCE.createCodec(type);
    }

    @Override
    public CompressionCodec createCodec(CompressionUtil.CodecType type, int level) {
        return type == CompressionUtil.CodecType.LZ4_FRAME ? new Lz4FrameCodec()
                : CommonsCompressionFactory.INSTANCE.createCodec(type, level);
    }
}
