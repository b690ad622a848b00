package io.avreplay.replay.mcap;

import java.util.Map;

/**
 * A chunk index record of the summary: where a chunk and its message indexes are.
 *
 * @param startTime    earliest message log time in the chunk, ns
 * @param offset       byte offset of the chunk record
 * @param length       byte length of the chunk record (opcode and length prefix included)
 * @param indexOffsets byte offset of each channel's message index record
 * @param indexLength  byte length of all the chunk's message index records together
 */
record ChunkRef(long startTime, long offset, long length, Map<Integer, Long> indexOffsets, long indexLength) {
    ChunkRef {
        indexOffsets = Map.copyOf(indexOffsets);
    }

    /** Offset of the first message index record (the one right after the chunk). */
    long indexStart() {
        return offset + length;
    }

    /** @return whether the chunk record lies within a file of {@code size} bytes, after the magic */
    boolean within(long size) {
        return offset >= 8 && length >= McapFormat.RECORD_PREFIX && offset + length <= size && offset + length > offset;
    }

    static ChunkRef parse(Cursor c) {
        long start = c.u64("message_start_time");
        c.u64("message_end_time");
        long offset = c.u64("chunk_start_offset");
        long length = c.u64("chunk_length");
        Map<Integer, Long> idx = c.u16u64Map("message_index_offsets");
        long idxLength = c.u64("message_index_length");
        return new ChunkRef(start, offset, length, idx, idxLength);
    }
}
