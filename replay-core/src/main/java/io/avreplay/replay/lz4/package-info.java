/**
 * The LZ4 frame format, as MCAP's {@code lz4} chunks and Arrow's {@code LZ4_FRAME} buffers hold it, over
 * lz4-java's block compressor and decompressor (native where the platform has it). {@link
 * io.avreplay.replay.lz4.Lz4Frame} replaces commons-compress's pure-Java frame streams, whose compressor took
 * minutes for a log that zstd writes in a second.
 */
package io.avreplay.replay.lz4;
