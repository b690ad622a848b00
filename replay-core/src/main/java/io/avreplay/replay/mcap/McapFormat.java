package io.avreplay.replay.mcap;

import java.nio.charset.StandardCharsets;

/** Constants of the MCAP format (magic, opcodes, fixed record sizes) from the public specification. */
final class McapFormat {
    /** {@code 0x89 M C A P 0 \r \n}: the first and the last eight bytes of a file. */
    static final byte[] MAGIC = {(byte) 0x89, 'M', 'C', 'A', 'P', '0', '\r', '\n'};
    static final int OP_HEADER = 0x01;
    static final int OP_FOOTER = 0x02;
    static final int OP_SCHEMA = 0x03;
    static final int OP_CHANNEL = 0x04;
    static final int OP_MESSAGE = 0x05;
    static final int OP_CHUNK = 0x06;
    static final int OP_MESSAGE_INDEX = 0x07;
    static final int OP_CHUNK_INDEX = 0x08;
    static final int OP_STATISTICS = 0x0B;
    static final int OP_SUMMARY_OFFSET = 0x0E;
    static final int OP_DATA_END = 0x0F;
    /** Opcode (1 byte) and content length (uint64). */
    static final int RECORD_PREFIX = 9;
    /** Footer content: summary_start, summary_offset_start (uint64 each), summary_crc (uint32). */
    static final int FOOTER_CONTENT = 20;
    /** Header of a message record's content before the payload: channel, sequence, log and publish time. */
    static final int MESSAGE_FIXED = 2 + 4 + 8 + 8;

    private McapFormat() {
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
