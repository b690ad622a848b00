package io.avreplay.replay.play;

import io.avreplay.replay.log.FrameRef;
import java.util.Objects;

/**
 * A frame a replay skipped.
 *
 * @param ref     the frame (a sensor frame or a ground-truth frame)
 * @param reason  why
 * @param message the one-line error, naming file and batch
 */
public record SkippedFrame(FrameRef ref, SkipReason reason, String message) {
    public SkippedFrame {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
