package io.avreplay.replay.inspect;

import io.avreplay.replay.log.StreamKind;
import java.util.Objects;

/**
 * Statistics of one stream.
 *
 * @param sensor       sensor id ({@code ego}, {@code annotations} or a camera id for ground truth)
 * @param kind         stream kind
 * @param count        frames
 * @param firstNs      first timestamp, ns
 * @param lastNs       last timestamp, ns
 * @param rateHz       mean frame rate, {@code (count - 1) / duration}; NaN with fewer than 2 frames
 * @param maxGapNs     largest interval between consecutive frames, ns (0 with fewer than 2 frames)
 * @param bytesOnDisk  size of the stream's file
 */
public record StreamSummary(String sensor, StreamKind kind, long count, long firstNs, long lastNs, double rateHz,
        long maxGapNs, long bytesOnDisk) {
    public StreamSummary {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(kind, "kind");
    }
}
