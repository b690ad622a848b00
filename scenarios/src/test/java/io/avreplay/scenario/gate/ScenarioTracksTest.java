package io.avreplay.scenario.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioTracksTest {
    private static final Set<String> CLASSES = Set.of("car", "pedestrian", "barrier");

    private static Box3d box(double x, double y) {
        return Box3d.ego(new Vec3(x, y, 0.8), 4.5, 1.9, 1.6, 0);
    }

    /**
     * Two cars 10 m apart driving +x at 10 m/s for 6 frames (0.1 s apart), detected exactly; unless
     * {@code perfect}, the second car (y = 10) is not detected from frame 3 on.
     */
    private static List<EvalFrame> frames(boolean perfect) {
        List<EvalFrame> out = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            double x = k;
            List<GroundTruth3d> truth = List.of(new GroundTruth3d(box(x, 0), "car", "a", 50, 10, 0, List.of(), Float.NaN),
                    new GroundTruth3d(box(x, 10), "car", "b", 50, 10, 0, List.of(), Float.NaN));
            List<Detection3d> dets = perfect || k < 3
                    ? List.of(Detection3d.of(box(x, 0), "car", 0.9, Double.NaN, Double.NaN),
                            Detection3d.of(box(x, 10), "car", 0.9, Double.NaN, Double.NaN))
                    : List.of(Detection3d.of(box(x, 0), "car", 0.9, Double.NaN, Double.NaN));
            out.add(new EvalFrame(k * 100_000_000L, truth, dets));
        }
        return out;
    }

    private static double value(String metric, List<EvalFrame> frames) {
        SafetyScorer s = new SafetyScorer();
        SafetyScorer.Units u = s.accumulate(frames, List.of("car", "pedestrian"));
        int[] ones = new int[frames.size()];
        Arrays.fill(ones, 1);
        return s.compute(MetricId.parse(metric, CLASSES), u, ones);
    }

    @Test
    void perfectDetectionsTrackPerfectly() {
        // 12 ground-truth boxes, all matched by two tracks: MOTA 1, no switch, no fragmentation.
        assertEquals(1.0, value("mota[car]", frames(true)), 0);
        assertEquals(0.0, value("ids[car]", frames(true)), 0);
        assertEquals(0.0, value("frag[car]", frames(true)), 0);
        // No pedestrian ground truth: undefined.
        assertTrue(Double.isNaN(value("amota[pedestrian]", frames(true))));
    }

    @Test
    void lostDetectionsCostMota() {
        // Car b is not detected in frames 3-5: 3 misses of 12 ground-truth boxes; no false positive, no switch:
        // MOTA = 1 - 3 / 12 = 0.75.
        assertEquals(0.75, value("mota[car]", frames(false)), 1e-12);
        assertEquals(0.0, value("ids[car]", frames(false)), 0);
    }

    @Test
    void gatesParseTrackingMetricsPerClassOnly() {
        Gate g = Gate.parse("amota[pedestrian] >= 0.5", CLASSES);
        assertEquals(MetricKind.AMOTA, g.metric().kind());
        assertTrue(g.metric().kind().tracking());
        assertFalse(MetricKind.AP.tracking());
        assertEquals(MetricKind.IDS, Gate.parse("ids[car] <= 3", CLASSES).metric().kind());
        assertFalse(MetricKind.IDS.higherIsBetter());
        assertThrows(IllegalArgumentException.class, () -> MetricId.parse("ids[car, 0-30m]", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> MetricId.parse("amota", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> MetricId.parse("mota[car]@1m", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("amota[car] drop <= 0.1", CLASSES));
    }
}
