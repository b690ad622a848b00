package io.avreplay.replay.mcap;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A part of an MCAP file that could not be read; the reader went on after it where it could.
 *
 * @param file            the file
 * @param offset          byte offset of the first unreadable byte (a record's opcode)
 * @param length          bytes skipped from {@code offset}, &gt;= 0 (to the end of the file when truncated)
 * @param reason          one line: what was wrong, e.g. {@code chunk CRC mismatch: expected 0x1a2b, got 0x3c4d}
 * @param messagesByTopic messages known to be lost, per topic (from the message indexes that follow a
 *                        damaged chunk); empty when the count cannot be known
 */
public record McapLoss(Path file, long offset, long length, String reason, Map<String, Long> messagesByTopic) {
    public McapLoss {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0, got offset=" + offset + " length=" + length);
        }
        messagesByTopic = Map.copyOf(messagesByTopic);
    }

    /** @return e.g. {@code a.mcap @1234 (+5678 bytes): truncated record; lost /tf=3} */
    public String summary() {
        StringBuilder b = new StringBuilder().append(file).append(" @").append(offset).append(" (+").append(length)
                .append(" bytes): ").append(reason);
        if (!messagesByTopic.isEmpty()) {
            b.append("; lost");
            new java.util.TreeMap<>(messagesByTopic).forEach((t, n) -> b.append(' ').append(t).append('=').append(n));
        }
        return b.toString();
    }
}
