package io.avreplay.replay.mcap;

import java.util.Objects;

/**
 * How an {@link McapWriter} lays out a file.
 *
 * @param profile     the header's profile, e.g. {@code ros2} or empty
 * @param compression chunk compression: {@code ""}, {@code zstd} or {@code lz4}
 * @param chunkBytes  target uncompressed chunk size, bytes (&gt; 0); a chunk closes once it reaches it
 * @param chunked     whether messages go into chunks (false writes them straight into the data section)
 * @param indexed     whether message indexes and the summary (schemas, channels, statistics, chunk
 *                    indexes) are written; false gives a file that readers must scan linearly
 */
public record McapWriteOptions(String profile, String compression, int chunkBytes, boolean chunked, boolean indexed) {
    public McapWriteOptions {
        Objects.requireNonNull(profile, "profile");
        if (!compression.isEmpty() && !compression.equals("zstd") && !compression.equals("lz4")) {
            throw new IllegalArgumentException("compression must be '', zstd or lz4, got '" + compression + "'");
        }
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be > 0, got " + chunkBytes);
        }
    }

    /** zstd chunks of 4 MiB, indexed, with a summary. */
    public static McapWriteOptions defaults(String profile) {
        return new McapWriteOptions(profile, "zstd", 4 << 20, true, true);
    }

    /** @return these options with another chunk compression ({@code ""}, {@code zstd}, {@code lz4}) */
    public McapWriteOptions withCompression(String c) {
        return new McapWriteOptions(profile, c, chunkBytes, chunked, indexed);
    }

    /** @return these options with another target chunk size, bytes */
    public McapWriteOptions withChunkBytes(int n) {
        return new McapWriteOptions(profile, compression, n, chunked, indexed);
    }

    /** @return these options with or without chunks */
    public McapWriteOptions withChunked(boolean c) {
        return new McapWriteOptions(profile, compression, chunkBytes, c, indexed);
    }

    /** @return these options with or without message indexes and summary */
    public McapWriteOptions withIndexed(boolean i) {
        return new McapWriteOptions(profile, compression, chunkBytes, chunked, i);
    }
}
