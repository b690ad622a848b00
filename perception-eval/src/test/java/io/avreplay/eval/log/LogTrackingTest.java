package io.avreplay.eval.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.detection.EvalProvenance;
import io.avreplay.eval.detection.InSample;
import io.avreplay.eval.tracking.TrackingBox;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingMetric;
import io.avreplay.eval.tracking.TrackingResult;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogTrackingTest {
    private static final TrackingConfig CFG = TrackingConfig.nips2019();

    private static GroundTruth3d gt(String category, String trackId, double x, double y) {
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, 0.8), 4.5, 1.9, 1.6, 0), category, trackId, 100, 0, 0,
                List.of(), Float.NaN);
    }

    private static Detection3d track(String category, String id, double x, double y, double score) {
        return new Detection3d(Box3d.world(new Vec3(x, y, 0.8), 4.5, 1.9, 1.6, 0), category, score, Double.NaN,
                Double.NaN, List.of(), id, score, "m");
    }

    @Test
    void groundTruthGoesToTheWorldFrameOneScenePerLog() {
        // Ego at world (10, 0, 0) yawed +90°: ego (1, 2) -> world (10 - 2, 0 + 1) = (8, 1). Barriers are no
        // tracking class (skipped); a box without track id becomes a track of its own, "<token>#<index>".
        Pose ego = new Pose(Quaternion.fromYaw(Math.PI / 2), new Vec3(10, 0, 0));
        LogTracking.Converted c = LogTracking.convert("log-a", List.of(
                new LogTracking.AnnotatedFrame("s0", 1_000_000_000L, ego, List.of(gt("car", "c1", 1, 2),
                        gt("barrier", "b", 0, 5), gt("pedestrian", "", 3, 0))),
                new LogTracking.AnnotatedFrame("s1", 1_100_000_000L, Pose.IDENTITY, List.of())), CFG);
        assertEquals(1, c.skippedBoxes());
        var g = c.groundTruth();
        assertEquals("log-a", g.scenes().get(0).name());
        assertEquals(1_000_000L, g.scenes().get(0).samples().get(0).timestampUs());
        assertEquals(1_100_000L, g.scenes().get(0).samples().get(1).timestampUs());
        TrackingBox car = g.boxes().get(0);
        assertEquals(8.0, car.x(), 1e-12);
        assertEquals(1.0, car.y(), 1e-12);
        assertEquals("c1", car.trackingId());
        assertEquals("car", car.trackingName());
        assertEquals(100, car.numPts());
        assertEquals("s0#2", g.boxes().get(1).trackingId());
        assertEquals(10.0, g.egoPoses().get("s0").x(), 0);
    }

    @Test
    void predictionsNeedTracksAndKeepOnlyTrackingClasses() {
        List<TrackingBox> boxes = LogTracking.predictions(List.of(new InSample<>("s0", track("car", "7", 1, 2, 0.4)),
                new InSample<>("s0", track("traffic_cone", "8", 1, 2, 0.9))), CFG);
        assertEquals(1, boxes.size());
        assertEquals("7", boxes.get(0).trackingId());
        assertEquals(0.4, boxes.get(0).score(), 0);
        Detection3d untracked = Detection3d.of(Box3d.world(new Vec3(0, 0, 0), 1, 1, 1, 0), "car", 0.5, 0, 0);
        assertThrows(IllegalArgumentException.class,
                () -> LogTracking.predictions(List.of(new InSample<>("s0", untracked)), CFG));
    }

    @Test
    void swappedIdsCountAsTwoSwitches() {
        // Two cars 10 m apart, 3 samples, identity ego. Predictions sit on the ground truth; at the third
        // sample their ids are swapped. Each ground-truth track changes hypothesis once: IDS = 2. The other
        // 4 matches are TP, nothing is missed or false: FP = FN = 0, MOTA = 1 - (0 + 2 + 0) / 6 = 2/3.
        List<LogTracking.AnnotatedFrame> frames = new ArrayList<>();
        List<InSample<Detection3d>> preds = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String token = "s" + k;
            frames.add(new LogTracking.AnnotatedFrame(token, k * 500_000_000L, Pose.IDENTITY,
                    List.of(gt("car", "a", k, 0), gt("car", "b", k, 10))));
            preds.add(new InSample<>(token, track("car", k < 2 ? "1" : "2", k, 0, 0.8)));
            preds.add(new InSample<>(token, track("car", k < 2 ? "2" : "1", k, 10, 0.8)));
        }
        TrackingEvaluator ev = new TrackingEvaluator(CFG);
        TrackingResult r = ev.score(ev.accumulate(LogTracking.convert("log", frames, CFG).groundTruth(),
                LogTracking.predictions(preds, CFG)), new EvalProvenance("nuscenes-tracking", CFG.name(), List.of(), "t"));
        assertEquals(2.0, r.value(TrackingMetric.IDS, "car"), 0);
        assertEquals(4.0, r.value(TrackingMetric.TP, "car"), 0);
        assertEquals(0.0, r.value(TrackingMetric.FP, "car"), 0);
        assertEquals(0.0, r.value(TrackingMetric.FN, "car"), 0);
        assertEquals(2.0 / 3.0, r.value(TrackingMetric.MOTA, "car"), 1e-12);
        assertTrue(Double.isNaN(r.value(TrackingMetric.MOTA, "pedestrian")));
    }
}
