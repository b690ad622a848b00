package io.avreplay.replay.play;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of decoding one scheduled step.
 *
 * @param item    the frame or frame set; empty when its (reference) frame was skipped
 * @param bytes   estimated heap bytes the item holds (what the read-ahead budget counts)
 * @param skipped frames skipped while decoding it, in order
 * @param <T>     {@link ReplayFrame} or {@link io.avreplay.replay.sync.FrameSet}
 */
record Decoded<T>(Optional<T> item, long bytes, List<SkippedFrame> skipped) {
    Decoded {
        Objects.requireNonNull(item, "item");
        skipped = List.copyOf(skipped);
    }
}
