package io.avreplay.scenario.scoring;

import java.util.List;
import java.util.Objects;

/**
 * One frame after matching at one centre distance: the mergeable unit of safety scoring. A scenario's
 * data is the list of its frames; data of several logs merge by concatenating lists (the frames keep
 * their log id, so per-object timelines stay per log). Immutable.
 *
 * @param logId       the log the frame belongs to
 * @param timestampNs ground-truth timestamp, ns
 * @param truth       ground-truth rows (scenario classes only)
 * @param detections  detection rows (scenario classes only); {@link ObjectRow#partner()} indexes
 *                    {@code truth} and vice versa
 */
public record MatchedFrame(String logId, long timestampNs, List<ObjectRow> truth, List<ObjectRow> detections) {
    public MatchedFrame {
        Objects.requireNonNull(logId, "logId");
        truth = List.copyOf(truth);
        detections = List.copyOf(detections);
    }
}
