package io.avreplay.replay.mcap;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One MCAP message record as the reader meets it: the payload is a read-only view of the reader's chunk
 * buffer, with no copy, valid only during the {@link McapVisitor} call that receives it (the buffer is
 * reused for the next chunk). {@link #copy()} gives a {@link McapMessage} that may be kept.
 *
 * @param channelId     the channel it was published on
 * @param sequence      the publisher's sequence number (0 when not recorded), unsigned 32-bit
 * @param logTimeNs     when the recorder received it, ns
 * @param publishTimeNs when it was published, ns
 * @param payload       the encoded payload from position 0 to its limit; read-only, heap or direct memory
 */
public record McapMessageView(int channelId, long sequence, long logTimeNs, long publishTimeNs, ByteBuffer payload) {
    public McapMessageView {
        Objects.requireNonNull(payload, "payload");
        if (channelId < 0 || channelId > 0xFFFF) {
            throw new IllegalArgumentException("channelId must be 0..65535, got " + channelId);
        }
    }

    /** @return the message with its own copy of the payload */
    public McapMessage copy() {
        byte[] data = new byte[payload.remaining()];
        payload.get(payload.position(), data);
        return new McapMessage(channelId, sequence, logTimeNs, publishTimeNs, data);
    }
}
