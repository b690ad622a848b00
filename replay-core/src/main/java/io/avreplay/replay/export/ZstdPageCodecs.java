package io.avreplay.replay.export;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page compression through zstd-jni directly. parquet-java's own {@code CodecFactory} reaches its
 * codecs through Hadoop's {@code CompressionCodec} classes, which we do not ship; this factory serves ZSTD
 * (level 3, the zstd default) and UNCOMPRESSED and refuses the rest. Stateless, so thread-safe.
 */
final class ZstdPageCodecs implements CompressionCodecFactory {
    /** zstd's own default level: fast, and about 2 to 3 times smaller for float columns. */
    static final int LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.ZSTD ? BytesInput.from(Zstd.compress(bytes.toByteArray(), LEVEL)) : bytes;
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return codec == CompressionCodecName.ZSTD
                        ? BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize)) : bytes;
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(codec == CompressionCodecName.ZSTD ? Zstd.decompress(in, uncompressedSize) : in);
            }

            @Override
            public void release() {
            }
        };
    }

    private static void check(CompressionCodecName codec) {
        if (codec != CompressionCodecName.ZSTD && codec != CompressionCodecName.UNCOMPRESSED) {
            throw new IllegalArgumentException("Parquet codec " + codec + " is not available (ZSTD or UNCOMPRESSED)");
        }
    }

    @Override
    public void release() {
    }
}
