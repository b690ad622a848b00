package io.avreplay.eval.log;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.ToolVersion;
import io.avreplay.replay.object.Detection3d;
import java.util.List;

/**
 * What {@code avreplay eval log} computes: nuScenes detection metrics of predictions (world frame) against
 * a log's own 3D ground truth, with the sample tokens {@link LogGroundTruth} gives each annotated timestamp.
 * Stateless; the caller owns the reader.
 */
public final class LogEvaluation {
    private LogEvaluation() {
    }

    /**
     * The scored result and what was left out of the ground truth.
     *
     * @param result       the nuScenes metrics
     * @param skippedBoxes ground-truth boxes with no nuScenes detection class (e.g. potholes), &gt;= 0
     */
    public record Outcome(NuScenesResult result, int skippedBoxes) {
        /** @throws IllegalArgumentException when {@code skippedBoxes} is negative */
        public Outcome {
            java.util.Objects.requireNonNull(result, "result");
            if (skippedBoxes < 0) {
                throw new IllegalArgumentException("skippedBoxes must be >= 0, got " + skippedBoxes);
            }
        }
    }

    /**
     * Scores {@code predictions} against {@code log}'s ground truth.
     *
     * @param log         an open log with 3D ground truth
     * @param predictions detections in the world frame, keyed by the log's sample tokens
     * @param config      the nuScenes configuration
     * @param sources     what the inputs were (log and prediction paths), for the result's provenance
     * @return the metrics and the count of ground-truth boxes left out
     */
    public static Outcome score(LogReader log, List<InSample<Detection3d>> predictions, NuScenesConfig config,
            List<String> sources) {
        LogGroundTruth.Converted gt = LogGroundTruth.read(log);
        NuScenesEvaluator ev = new NuScenesEvaluator(config);
        NuScenesResult r = ev.score(ev.accumulate(gt.groundTruth(), predictions),
                new EvalProvenance("nuscenes", config.name(), sources, ToolVersion.current()));
        return new Outcome(r, gt.skippedBoxes());
    }
}
