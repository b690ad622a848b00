package io.avreplay.replay.mcap;

import java.util.Objects;

/**
 * One MCAP message record.
 *
 * @param channelId     the channel it was published on
 * @param sequence      the publisher's sequence number (0 when not recorded), unsigned 32-bit
 * @param logTimeNs     when the recorder received it, ns
 * @param publishTimeNs when it was published, ns
 * @param data          the encoded payload; owned by this record, callers must not mutate it
 */
public record McapMessage(int channelId, long sequence, long logTimeNs, long publishTimeNs, byte[] data) {
    public McapMessage {
        Objects.requireNonNull(data, "data");
        if (channelId < 0 || channelId > 0xFFFF) {
            throw new IllegalArgumentException("channelId must be 0..65535, got " + channelId);
        }
    }
}
