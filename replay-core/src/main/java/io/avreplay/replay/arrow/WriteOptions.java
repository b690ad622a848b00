package io.avreplay.replay.arrow;

import java.util.Objects;

/**
 * How a {@link LogWriter} writes.
 *
 * @param compression  Arrow buffer compression
 * @param overwrite    replace an existing log at the destination on commit
 * @param checkOrder   reject a frame whose timestamp is lower than the previous one of its stream
 *                     (tests turn this off to produce logs that {@code validate} must flag)
 */
public record WriteOptions(Compression compression, boolean overwrite, boolean checkOrder) {
    public WriteOptions {
        Objects.requireNonNull(compression, "compression");
    }

    /** Uncompressed, no overwrite, order checked. */
    public static WriteOptions defaults() {
        return new WriteOptions(Compression.NONE, false, true);
    }

    public WriteOptions withCompression(Compression c) {
        return new WriteOptions(c, overwrite, checkOrder);
    }

    public WriteOptions withOverwrite(boolean o) {
        return new WriteOptions(compression, o, checkOrder);
    }

    public WriteOptions withCheckOrder(boolean c) {
        return new WriteOptions(compression, overwrite, c);
    }
}
