package io.avreplay.scenario.mining;

import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.EgoTrajectory;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.List;
import java.util.Objects;

/**
 * What predicates see of one log: every annotated timestamp's 3D ground truth (ego frame) in time order,
 * and the ego trajectory.
 *
 * @param logId   the log's id
 * @param startNs first timestamp of the log, ns
 * @param endNs   last timestamp of the log, ns
 * @param frames  the annotation frames, sorted by time
 * @param ego     the ego trajectory (possibly empty)
 */
public record MiningLog(String logId, long startNs, long endNs, List<AnnotationFrame<GroundTruth3d>> frames,
        EgoTrajectory ego) {
    public MiningLog {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(ego, "ego");
        frames = List.copyOf(frames);
    }

    /** @return the timestamp of frame {@code i}, ns */
    long t(int i) {
        return frames.get(i).timestampNs();
    }

    /** @return the boxes of frame {@code i} */
    List<GroundTruth3d> boxes(int i) {
        return frames.get(i).boxes();
    }
}
