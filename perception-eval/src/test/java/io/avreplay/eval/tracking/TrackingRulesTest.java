package io.avreplay.eval.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.EvalProvenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived tracking metrics. One scene of 4 samples 0.5 s apart, ego at the origin, one ground-truth
 * car "A" at (10, 0) in every sample. Track p1 is at (10.5, 0) in samples 0 and 1, track p2 at (10.2, 0)
 * in samples 2 and 3.
 */
class TrackingRulesTest {
    private static final TrackingEvaluator EVAL = new TrackingEvaluator(TrackingConfig.nips2019());

    private static TrackingResult run(double p1Score, double p2Score) {
        List<TrackingScene.Sample> samples = new ArrayList<>();
        List<TrackingBox> gt = new ArrayList<>();
        List<TrackingBox> pred = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String s = "s" + i;
            samples.add(new TrackingScene.Sample(s, 1_000_000L + i * 500_000L));
            gt.add(new TrackingBox(s, 10, 0, 0, "A", "car", -1, 10));
            pred.add(i < 2 ? new TrackingBox(s, 10.5, 0, 0, "p1", "car", p1Score, -1)
                    : new TrackingBox(s, 10.2, 0, 0, "p2", "car", p2Score, -1));
        }
        TrackingGroundTruth g = new TrackingGroundTruth(List.of(new TrackingScene("t", "scene-0003", samples)), gt,
                Map.of(), Map.of());
        return EVAL.score(EVAL.accumulate(g, pred), new EvalProvenance("nuscenes-tracking", "t", List.of(), "test"));
    }

    @Test
    void lowerScoredTrackBeyondTheReachedRecallIsLeftOut() {
        // First pass (all predictions): samples 0, 1 match p1 (score 0.9 each), sample 2 switches A to p2 (not a
        // true match, its score is not collected), sample 3 matches p2 (0.7). Scores [0.9, 0.9, 0.7] over 4 GT
        // boxes reach recall 0.25, 0.5, 0.75. Recall levels 0.1 + k * 0.9 / 39: k = 0..17 (<= 0.5) get threshold
        // 0.9, k = 18..28 thresholds between 0.9 and 0.7 (interpolated, all above 0.7), k = 29..39 (> 0.75) NaN.
        // At every reached threshold only p1 passes: samples 0, 1 TP (0.5 m), samples 2, 3 missed.
        TrackingResult r = run(0.9, 0.7);
        assertEquals(2.0, r.value(TrackingMetric.TP, "car"));
        assertEquals(2.0, r.value(TrackingMetric.FN, "car"));
        assertEquals(0.0, r.value(TrackingMetric.IDS, "car"));
        assertEquals(0.0, r.value(TrackingMetric.FP, "car"));
        assertEquals(4.0, r.value(TrackingMetric.GT, "car"));
        assertEquals(0.5, r.value(TrackingMetric.RECALL, "car"));
        // MOTA = 1 - (FN + IDS + FP) / GT = 1 - 2 / 4; MOTAR: recall 0.5, (2 - 0.5 * 4) / (0.5 * 4) = 0 -> 1.
        assertEquals(0.5, r.value(TrackingMetric.MOTA, "car"));
        assertEquals(1.0, r.value(TrackingMetric.MOTAR, "car"));
        // 10.5 - 10 = 0.5 m exactly (|g|^2 = 100, g.p = 105, |p|^2 = 110.25: 0.25 under the root).
        assertEquals(0.5, r.value(TrackingMetric.MOTP, "car"));
        // 29 reached levels with MOTAR 1, 11 unreached count 0: 29 / 40; AMOTP: (29 * 0.5 + 11 * 2) / 40.
        assertEquals(0.725, r.value(TrackingMetric.AMOTA, "car"), 1e-15);
        assertEquals(0.9125, r.value(TrackingMetric.AMOTP, "car"), 1e-15);
        // A is tracked 2 of 4 frames (neither MT nor ML); no re-acquisition (FRAG 0); tracked from its first
        // frame (TID 0); lost for its last 2 frames (LGD 2 * 0.5 s). No false alarm (FAF 0).
        assertEquals(0.0, r.value(TrackingMetric.MT, "car"));
        assertEquals(0.0, r.value(TrackingMetric.ML, "car"));
        assertEquals(0.0, r.value(TrackingMetric.FRAG, "car"));
        assertEquals(0.0, r.value(TrackingMetric.TID, "car"));
        assertEquals(1.0, r.value(TrackingMetric.LGD, "car"));
        assertEquals(0.0, r.value(TrackingMetric.FAF, "car"));
        // Classes without ground truth are NaN and are ignored overall; counts are summed.
        assertEquals(Double.NaN, r.value(TrackingMetric.AMOTA, "bus"));
        assertEquals(0.725, r.value(TrackingMetric.AMOTA, "all"), 1e-15);
        assertEquals(2.0, r.value(TrackingMetric.TP, "all"));
        assertEquals(Double.NaN, r.curves().get("car").confidence().get(0));
        assertEquals(0.9, r.curves().get("car").confidence().get(39));
    }

    @Test
    void identitySwitchCountsOnceAndTheTrackIsMostlyTracked() {
        // Equal scores 0.9: the first pass collects [0.9, 0.9, 0.9] (the switch in sample 2 is not collected),
        // so levels up to recall 0.75 (k = 0..28) all have threshold 0.9 and both tracks pass it: TP 3, IDS 1.
        TrackingResult r = run(0.9, 0.9);
        assertEquals(3.0, r.value(TrackingMetric.TP, "car"));
        assertEquals(1.0, r.value(TrackingMetric.IDS, "car"));
        assertEquals(0.0, r.value(TrackingMetric.FN, "car"));
        // recall = (TP + IDS) / GT = 1; MOTA = 1 - 1 / 4; MOTAR: recall 3/4, (1 - 1/4 * 4) / 3 = 0 -> 1.
        assertEquals(1.0, r.value(TrackingMetric.RECALL, "car"));
        assertEquals(0.75, r.value(TrackingMetric.MOTA, "car"));
        assertEquals(1.0, r.value(TrackingMetric.MOTAR, "car"));
        // Distances 0.5, 0.5, ~0.2, ~0.2: MOTP ~ 0.35.
        assertEquals(0.35, r.value(TrackingMetric.MOTP, "car"), 1e-12);
        assertEquals(1.0, r.value(TrackingMetric.MT, "car"));
        assertEquals(0.0, r.value(TrackingMetric.LGD, "car"));
    }

    @Test
    void unknownClassIsBadInput() {
        TrackingGroundTruth g = new TrackingGroundTruth(List.of(new TrackingScene("t", "scene-0003",
                List.of(new TrackingScene.Sample("s0", 0)))), List.of(), Map.of(), Map.of());
        assertThrows(BadInputException.class, () -> EVAL.accumulate(g,
                List.of(new TrackingBox("s0", 1, 1, 0, "x", "tram", 0.5, -1))));
        assertThrows(BadInputException.class, () -> EVAL.accumulate(g,
                List.of(new TrackingBox("elsewhere", 1, 1, 0, "x", "car", 0.5, -1))));
    }
}
