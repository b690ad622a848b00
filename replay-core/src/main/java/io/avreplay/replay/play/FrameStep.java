package io.avreplay.replay.play;

import io.avreplay.replay.log.FrameRef;

/**
 * A scheduled frame: which frame of which stream, and in which loop. Computed from time indexes only.
 *
 * @param slot        the stream
 * @param index       the frame's index in its stream
 * @param timestampNs the frame's timestamp, ns
 * @param loop        replay loop, 0-based
 */
record FrameStep(StreamSlot slot, int index, long timestampNs, int loop) {
    FrameRef ref() {
        return slot.ref(index, timestampNs);
    }
}
