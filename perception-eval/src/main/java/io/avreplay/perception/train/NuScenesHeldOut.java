package io.avreplay.perception.train;

import io.avreplay.replay.log.SampleToken;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.log.LogGroundTruth;
import io.avreplay.eval.nuscenes.NuScenesConfig;
import io.avreplay.eval.nuscenes.NuScenesEvaluator;
import io.avreplay.eval.nuscenes.NuScenesGroundTruth;
import io.avreplay.eval.nuscenes.NuScenesResult;
import io.avreplay.eval.nuscenes.TpMetric;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores ego-frame lidar detections of held-out logs with the project's nuScenes evaluator
 * ({@code detection_cvpr_2019}): ground truth comes from {@link LogGroundTruth} restricted to the scored
 * timestamps, detections are moved into the world frame with the ego pose at their timestamp exactly as
 * {@link LogGroundTruth} moves the boxes. Collects one log at a time; not thread-safe.
 */
public final class NuScenesHeldOut {
    private final List<InSample<GroundTruth3d>> boxes = new ArrayList<>();
    private final List<String> samples = new ArrayList<>();
    private final Map<String, NuScenesGroundTruth.EgoPosition> ego = new HashMap<>();
    private final List<InSample<Detection3d>> predictions = new ArrayList<>();

    /**
     * Adds the ground truth of {@code log} at {@code timestampsNs} and the detections made at them.
     *
     * @param detections per timestamp, ego-frame detections of the perception model
     */
    public void add(LogReader log, Map<Long, List<Detection3d>> detections) {
        NuScenesGroundTruth gt = LogGroundTruth.read(log, detections::containsKey).groundTruth();
        boxes.addAll(gt.boxes());
        samples.addAll(gt.samples());
        ego.putAll(gt.egoPoses());
        detections.forEach((ts, list) -> {
            String token = SampleToken.of(log.manifest(), ts).value();
            Pose egoToWorld = log.egoTrajectory().isEmpty() ? Pose.IDENTITY : log.egoTrajectory().at(ts).egoToWorld();
            for (Detection3d d : list) {
                CategoryTable.standard().nuScenesClass(d.category()).ifPresent(cls -> predictions.add(toWorld(token, d, cls,
                        egoToWorld)));
            }
        });
    }

    /** @return the evaluator's result over everything added */
    public NuScenesResult result() {
        return new NuScenesEvaluator(NuScenesConfig.cvpr2019()).evaluate(
                new NuScenesGroundTruth(boxes, samples, ego, Map.of()), predictions);
    }

    /**
     * @return flat metrics for a model card: {@code nuscenes.ap_<threshold>.<class>},
     *         {@code nuscenes.ap.<class>} (mean over thresholds), {@code nuscenes.mAP}, {@code nuscenes.NDS},
     *         {@code nuscenes.<mATE|mASE|mAOE|mAVE|mAAE>}; NaN where the evaluator's value is NaN
     */
    public static Map<String, Double> flatten(NuScenesResult r) {
        Map<String, Double> out = new TreeMap<>();
        r.labelAps().forEach((cls, byTh) -> byTh.forEach((th, ap) -> out.put("nuscenes.ap_" + th + "." + cls, ap)));
        r.meanDistAps().forEach((cls, ap) -> out.put("nuscenes.ap." + cls, ap));
        out.put("nuscenes.mAP", r.meanAp());
        out.put("nuscenes.NDS", r.ndScore());
        for (TpMetric m : TpMetric.values()) {
            out.put("nuscenes." + m.summaryName(), r.tpErrors().getOrDefault(m, Double.NaN));
        }
        return out;
    }

    private static InSample<Detection3d> toWorld(String token, Detection3d d, String cls, Pose egoToWorld) {
        return new InSample<>(token, io.avreplay.eval.log.WorldFrame.toWorld(d, egoToWorld).withCategory(cls));
    }
}
