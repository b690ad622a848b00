package io.avreplay.replay.mcap;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import io.avreplay.replay.lz4.Lz4Frame;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;

/**
 * The chunk compressions MCAP defines: {@code ""} (none), {@code zstd} (zstd-jni) and {@code lz4} (the LZ4
 * frame format, {@link Lz4Frame}; a cut-off lz4 chunk is recovered through commons-compress's stream).
 * Stateless and thread-safe.
 */
final class ChunkCodec {
    private ChunkCodec() {
    }

    /**
     * @return the decompressed records, exactly {@code size} bytes
     * @throws Cursor.Malformed on an unknown compression, a corrupt stream or a size mismatch
     */
    static byte[] decompress(String compression, byte[] src, int offset, int length, int size) {
        byte[] out;
        switch (compression) {
            case "" -> {
                out = java.util.Arrays.copyOfRange(src, offset, offset + length);
            }
            case "zstd" -> {
                out = new byte[size];
                long n = Zstd.decompressByteArray(out, 0, size, src, offset, length);
                if (Zstd.isError(n)) {
                    throw new Cursor.Malformed("zstd: " + Zstd.getErrorName(n));
                }
                if (n != size) {
                    throw new Cursor.Malformed("zstd gave " + n + " bytes, chunk header says " + size);
                }
            }
            case "lz4" -> {
                out = new byte[size];
                int n;
                try {
                    n = Lz4Frame.decompress(ByteBuffer.wrap(src, offset, length), ByteBuffer.wrap(out));
                } catch (IllegalArgumentException e) {
                    throw new Cursor.Malformed(e.getMessage());
                }
                if (n != size) {
                    throw new Cursor.Malformed("lz4 gave " + n + " bytes, chunk header says " + size);
                }
            }
            default -> throw new Cursor.Malformed("unsupported chunk compression '" + compression
                    + "' (expected '', zstd or lz4)");
        }
        if (out.length != size) {
            throw new Cursor.Malformed(compression + " gave " + out.length + " bytes, chunk header says " + size);
        }
        return out;
    }

    /**
     * Decompresses {@code src} (position to limit) into {@code dst} from 0, exactly {@code size} bytes.
     * Neither buffer's position moves.
     *
     * @param src direct memory
     * @param dst direct memory with room for {@code size} bytes
     * @throws Cursor.Malformed on an unknown compression, a corrupt stream or a size mismatch
     */
    static void decompress(String compression, ByteBuffer src, ByteBuffer dst, int size) {
        long n;
        switch (compression) {
            case "zstd" -> {
                n = Zstd.decompressDirectByteBuffer(dst, 0, size, src, src.position(), src.remaining());
                if (Zstd.isError(n)) {
                    throw new Cursor.Malformed("zstd: " + Zstd.getErrorName(n));
                }
            }
            case "lz4" -> {
                try {
                    n = Lz4Frame.decompress(src, dst.duplicate().clear().limit(size));
                } catch (IllegalArgumentException e) {
                    throw new Cursor.Malformed(e.getMessage());
                }
            }
            default -> throw new Cursor.Malformed("unsupported chunk compression '" + compression
                    + "' (expected '', zstd or lz4)");
        }
        if (n != size) {
            throw new Cursor.Malformed(compression + " gave " + n + " bytes, chunk header says " + size);
        }
    }

    /**
     * Decompresses as much of a cut-off chunk as its stream yields before the cut.
     *
     * @return the bytes recovered (possibly empty); never throws on a damaged stream
     */
    static byte[] decompressPrefix(String compression, byte[] src, int offset, int length) {
        InputStream in;
        try {
            in = switch (compression) {
                case "" -> new ByteArrayInputStream(src, offset, length);
                case "zstd" -> new ZstdInputStream(new ByteArrayInputStream(src, offset, length));
                case "lz4" -> lz4(src, offset, length);
                default -> null;
            };
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            // the stream ends where the file was cut: keep what came out before
        }
        return out.toByteArray();
    }

    /** Compresses records for a chunk; {@code compression} as in {@link #decompress}. */
    static byte[] compress(String compression, byte[] src, int length, int zstdLevel) {
        switch (compression) {
            case "" -> {
                return java.util.Arrays.copyOf(src, length);
            }
            case "zstd" -> {
                byte[] dst = new byte[(int) Zstd.compressBound(length)];
                long n = Zstd.compressByteArray(dst, 0, dst.length, src, 0, length, zstdLevel);
                if (Zstd.isError(n)) {
                    throw new IllegalStateException("zstd: " + Zstd.getErrorName(n));
                }
                return java.util.Arrays.copyOf(dst, (int) n);
            }
            case "lz4" -> {
                byte[] dst = new byte[Lz4Frame.maxCompressedLength(length)];
                int n = Lz4Frame.compress(ByteBuffer.wrap(src, 0, length), ByteBuffer.wrap(dst));
                return java.util.Arrays.copyOf(dst, n);
            }
            default -> throw new IllegalArgumentException("compression must be '', zstd or lz4, got '" + compression + "'");
        }
    }

    private static InputStream lz4(byte[] src, int offset, int length) {
        try {
            return new FramedLZ4CompressorInputStream(new ByteArrayInputStream(src, offset, length));
        } catch (IOException e) {
            throw new Cursor.Malformed("lz4: " + e.getMessage());
        }
    }
}
