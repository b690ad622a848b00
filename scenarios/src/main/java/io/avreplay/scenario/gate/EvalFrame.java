package io.avreplay.scenario.gate;

import io.avreplay.replay.log.Annotation3d;
import java.util.List;

/**
 * Ground truth and detections of one annotated timestamp, both in that timestamp's ego frame.
 *
 * @param timestampNs ns
 * @param truth       ground-truth boxes (possibly empty)
 * @param detections  detections (possibly empty)
 */
public record EvalFrame(long timestampNs, List<Annotation3d> truth, List<EgoDetection> detections) {
    public EvalFrame {
        truth = List.copyOf(truth);
        detections = List.copyOf(detections);
    }
}
