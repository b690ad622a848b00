package io.avreplay.replay.arrow;

import java.util.Locale;
import org.apache.arrow.vector.compression.CompressionUtil;

/** Arrow IPC buffer compression chosen at write time. Readers handle all three. */
public enum Compression {
    NONE(CompressionUtil.CodecType.NO_COMPRESSION),
    LZ4(CompressionUtil.CodecType.LZ4_FRAME),
    ZSTD(CompressionUtil.CodecType.ZSTD);

    final CompressionUtil.CodecType codec;

    Compression(CompressionUtil.CodecType codec) {
        this.codec = codec;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Compression fromId(String id) {
        for (Compression c : values()) {
            if (c.id().equalsIgnoreCase(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown compression '" + id + "' (expected none, lz4 or zstd)");
    }
}
