package io.avreplay.perception.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.eval.log.LogTracking;
import io.avreplay.eval.tracking.TrackingBox;
import io.avreplay.eval.tracking.TrackingConfig;
import io.avreplay.eval.tracking.TrackingEvaluator;
import io.avreplay.eval.tracking.TrackingMetric;
import io.avreplay.eval.tracking.TrackingResult;
import io.avreplay.perception.track.TrackerParams;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingStepTest {
    private static final TrackingConfig CFG = TrackingConfig.nips2019();

    @Test
    void tracksEverySweepScoresAnnotatedSamplesAndWritesTheSubmission(@TempDir Path dir) throws Exception {
        // A car drives +x at 10 m/s past an ego driving +x at 5 m/s; sweeps every 0.1 s for 1 s, ground
        // truth on every other sweep (6 samples). The detector sees the car exactly (ego frame x = 5 t + 2),
        // plus a barrier (no tracking class). One track, perfectly placed: MOTA 1, recall 1, IDS 0, and the
        // tracker's velocity is 10 m/s (world, in ego axes: the ego does not rotate).
        TrackingStep step = new TrackingStep(TrackerParams.defaults(), CFG);
        List<LogTracking.AnnotatedFrame> annotated = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            long ts = k * 100_000_000L;
            double t = k * 0.1;
            Pose ego = new Pose(io.avreplay.replay.geometry.Quaternion.IDENTITY, new Vec3(5 * t, 0, 0));
            Box3d box = Box3d.ego(new Vec3(5 * t + 2, 3, 0.8), 4.5, 1.9, 1.6, 0);
            List<Detection3d> out = step.addFrame("log", "s" + k, ts, ego, List.of(Detection3d.of(box, "car", 0.9, Double.NaN, Double.NaN),
                    Detection3d.of(Box3d.ego(new Vec3(-5, 0, 0.5), 2, 0.5, 1, 0), "barrier", 0.9, Double.NaN,
                            Double.NaN)));
            // Every detection comes back with its track's velocity from the second sweep on: the car's
            // 10 m/s; the barrier stays at ego (-5, 0), so it moves with the ego: 5 m/s in the world.
            assertEquals(2, out.size());
            if (k > 0) {
                assertEquals(10.0, out.get(0).vx(), 1e-9);
                assertEquals(5.0, out.get(1).vx(), 1e-9);
            }
            if (k % 2 == 0) {
                annotated.add(new LogTracking.AnnotatedFrame("s" + k, ts, ego, List.of(new GroundTruth3d(box, "car",
                        "car-1", 50, 10, 0, List.of(), Float.NaN))));
            }
        }
        TrackingResult r = TrackingStep.score(step.endLog(LogTracking.convert("log", annotated, CFG).groundTruth()),
                List.of("log"));
        Path submission = step.writeSubmission(dir);
        assertEquals(1.0, r.value(TrackingMetric.MOTA, "car"), 0);
        assertEquals(1.0, r.value(TrackingMetric.RECALL, "car"), 0);
        assertEquals(0.0, r.value(TrackingMetric.IDS, "car"), 0);
        assertEquals(6.0, r.value(TrackingMetric.TP, "car"), 0);
        assertEquals(dir.resolve("tracking_submission.json"), submission);
        List<TrackingBox> back = TrackingEvaluator.readPredictions(submission, 500);
        assertEquals(6, back.size());
        assertTrue(back.stream().allMatch(b -> b.trackingId().equals("1") && b.trackingName().equals("car")));
        // Sample s10 at t = 1 s: world x = 5 + 7 = 12.
        assertEquals(12.0, back.get(5).x(), 1e-9);
        String json = Files.readString(submission);
        assertTrue(json.contains("\"velocity\" : [ NaN, NaN ]"), "first sample's velocity is unknown");
        assertTrue(json.contains("\"velocity\" : [ 10.0"), json.substring(0, Math.min(json.length(), 2000)));
    }
}
