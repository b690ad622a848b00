package io.avreplay.scenario.gate;

import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;

/**
 * Ground truth and detections of one annotated timestamp, both in that timestamp's ego frame.
 *
 * @param timestampNs ns
 * @param truth       ground-truth boxes (possibly empty)
 * @param detections  detections (possibly empty)
 */
public record EvalFrame(long timestampNs, List<GroundTruth3d> truth, List<Detection3d> detections) {
    public EvalFrame {
        truth = List.copyOf(truth);
        detections = List.copyOf(detections);
    }
}
