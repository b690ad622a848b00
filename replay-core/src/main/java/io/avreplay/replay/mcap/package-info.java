/**
 * MCAP container files, read and written from the public MCAP specification: the magic, header and
 * footer, chunks (uncompressed, zstd, lz4 frame) with their CRC-32, message indexes and the summary
 * section.
 *
 * <p>{@link io.avreplay.replay.mcap.McapReader} prefers the summary's chunk indexes; when the summary
 * or the index is missing, damaged or the file is truncated it recovers by a linear scan, record by
 * record, delivers every complete message and reports each lost byte range as a
 * {@link io.avreplay.replay.mcap.McapLoss}. {@link io.avreplay.replay.mcap.McapWriter} writes chunked,
 * indexed files with a summary. The package knows nothing about message encodings: payloads are bytes,
 * handed to the visitor as views of the reader's chunk buffers (mapped from the file, or reused)
 * ({@link io.avreplay.replay.mcap.McapMessageView}), or copied into a {@link io.avreplay.replay.mcap.McapMessage}.
 */
package io.avreplay.replay.mcap;
