package io.avreplay.scenario.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.scoring.Criterion;
import io.avreplay.scenario.scoring.DistanceBin;
import io.avreplay.scenario.scoring.ErrorQuantity;
import io.avreplay.scenario.scoring.Region;
import io.avreplay.scenario.scoring.Statistic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyGateTest {
    static final Set<String> CLASSES = Set.of("car", "pedestrian");
    static final Map<String, Region> REGIONS = Map.of("ego_lane", new Region("ego_lane", 0, 60, -2, 2));
    final SafetyScorer scorer = new SafetyScorer();
    final GateEvaluator evaluator = new GateEvaluator(BootstrapConfig.defaults());

    @Test
    void parsesSelectorsSuffixesAndDirections() {
        Gate bin = Gate.parse("ap[pedestrian, 0-30m]@2m >= 0.8", CLASSES, REGIONS);
        assertEquals(MetricKind.AP, bin.metric().kind());
        assertEquals(new DistanceBin(0, 30), bin.metric().filter().bin());
        assertEquals("pedestrian", bin.metric().className());
        assertTrue(bin.metric().binned() && !bin.metric().usesNuScenes());
        Gate err = Gate.parse("err[car, 0-50m].yaw.p99 <= 0.2", CLASSES, REGIONS);
        assertEquals(new Measure.ErrorStat(ErrorQuantity.YAW, Statistic.P99), err.metric().measure());
        assertEquals(List.of(2.0), err.metric().matchDistancesM());
        Gate crit = Gate.parse("frames[pedestrian, 0-30m, ego_lane, pts>=5].tp_rate(normal)>=0.95", CLASSES, REGIONS);
        Measure.PerFrame p = (Measure.PerFrame) crit.metric().measure();
        assertEquals(Criterion.TP_RATE, p.criterion());
        assertEquals(0.9, p.level());
        assertEquals(5, crit.metric().filter().minPoints());
        assertEquals("frames[pedestrian, 0-30m, ego_lane, pts>=5].tp_rate(normal)", crit.metric().toString());
        assertEquals(MetricKind.MAX_MISS_S, Gate.parse("max_miss_s[pedestrian, 0-20m] <= 0.5", CLASSES).metric().kind());
        assertTrue(Gate.parse("err[car].pos.p90 rise <= 0.05", CLASSES).regression());
        // Plain gates are unchanged and still go to the nuScenes evaluator.
        assertTrue(Gate.parse("ap[car]@2m >= 0.5", CLASSES).metric().usesNuScenes());
    }

    @Test
    void rejectsWhatDoesNotFit() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.parse("err[car].yaw.p99 drop <= 0.1",
                CLASSES)).getMessage().contains("write 'rise'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.parse("detected_share[car] drop <= 0.1",
                CLASSES)).getMessage().contains("absolute bound"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gate.parse("ap[car, bus_lane] >= 0.1",
                CLASSES, REGIONS)).getMessage().contains("[ego_lane]"));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("err[car].yaw >= 0.1", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("frames[car].tp_rate(tight) >= 0.9", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("nds[0-30m] >= 0.1", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("ap[car, 0-30m, 30-50m] >= 0.1", CLASSES));
    }

    static GroundTruth3d ped(String id, double x, double y) {
        return new GroundTruth3d(Box3d.ego(new Vec3(x, y, 0.9), 0.8, 0.8, 1.8, 0), "human.pedestrian.adult", id, 20,
                0, 0, List.of(), Float.NaN);
    }

    static Detection3d det(double x, double y, double yaw) {
        return new Detection3d(Box3d.ego(new Vec3(x, y, 0.9), 0.8, 0.8, 1.8, yaw), "pedestrian", 0.9, 0, 0, List.of(),
                Detection3d.NO_TRACK, Double.NaN, "");
    }

    /**
     * 100 frames at 10 Hz with a near pedestrian (10 m) and a far one (40 m). The near one is detected in
     * frames where {@code near} holds, with yaw error {@code yaw}; the far one never.
     */
    static List<EvalFrame> frames(java.util.function.IntPredicate near, double yaw) {
        List<EvalFrame> out = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            out.add(new EvalFrame(f * 100_000_000L, List.of(ped("near", 10, 0), ped("far", 40, 0)),
                    near.test(f) ? List.of(det(10, 0, yaw)) : List.of()));
        }
        return out;
    }

    @Test
    void binCriterionErrorAndTimelineValues() {
        // Near one found in 90 frames (missed in frames 10-19), yaw error 0.05.
        SafetyScorer.Units u = scorer.accumulate(frames(f -> f < 10 || f >= 20, 0.05), List.of("pedestrian"));
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        // 0-30 m: recall 90/100; precision 1 -> AP: grid 0.11..0.90 (80 of 90 points) = 80/90.
        assertEquals(80.0 / 90, scorer.compute(MetricId.parse("ap[pedestrian, 0-30m]@2m", CLASSES), u, ones), 1e-12);
        assertEquals(0.0, scorer.compute(MetricId.parse("recall[pedestrian, 30-]", CLASSES), u, ones), 1e-12);
        // Per-frame TP rate >= 0.9 within 30 m: 90 of 100 frames. Over all distances: 1/2 per frame at best: 0.
        assertEquals(0.9, scorer.compute(MetricId.parse("frames[pedestrian, 0-30m].tp_rate(normal)", CLASSES), u, ones),
                1e-12);
        assertEquals(0.0, scorer.compute(MetricId.parse("frames[pedestrian].tp_rate(normal)", CLASSES), u, ones), 1e-12);
        assertEquals(0.05, scorer.compute(MetricId.parse("err[pedestrian, 0-30m].yaw.p99", CLASSES), u, ones), 1e-12);
        // Longest miss within 30 m: 10 frames x 0.1 s = 1.0 s.
        assertEquals(1.0, scorer.compute(MetricId.parse("max_miss_s[pedestrian, 0-30m]", CLASSES), u, ones), 1e-9);
        List<GateResult> r = evaluator.evaluate(List.of(Gate.parse("max_miss_s[pedestrian, 0-30m] <= 0.5", CLASSES),
                Gate.parse("frames[pedestrian, 0-30m].tp_rate(normal) >= 0.85", CLASSES)), scorer, u, Optional.empty());
        assertEquals(Verdict.FAIL, r.get(0).verdict());
        assertTrue(Double.isNaN(r.get(0).ciLow()), "timelines are not resampled");
        assertEquals(Verdict.PASS, r.get(1).verdict());
    }

    @Test
    void bootstrapCoversBinsPassRatesAndErrors() {
        SafetyScorer.Units base = scorer.accumulate(frames(f -> true, 0.02), List.of("pedestrian"));
        SafetyScorer.Units worse = scorer.accumulate(frames(f -> f % 2 == 0, 0.3), List.of("pedestrian"));
        SafetyScorer.Units same = scorer.accumulate(frames(f -> true, 0.02), List.of("pedestrian"));
        List<Gate> gates = List.of(Gate.parse("recall[pedestrian, 0-30m] drop <= 0.05", CLASSES),
                Gate.parse("frames[pedestrian, 0-30m].tp_rate(normal) drop <= 0.05", CLASSES),
                Gate.parse("err[pedestrian, 0-30m].yaw.p90 rise <= 0.05", CLASSES));
        // Worse: recall 1 -> 0.5, pass rate 1 -> 0.5 and yaw p90 0.02 -> 0.3: every interval lies beyond.
        for (GateResult g : evaluator.evaluate(gates, scorer, worse, Optional.of(base))) {
            assertEquals(Verdict.FAIL, g.verdict(), g.reason());
            assertTrue(g.reason().contains("significant regression"), g.reason());
        }
        // The same detections: every difference is 0 with a zero-width interval; all pass.
        for (GateResult g : evaluator.evaluate(gates, scorer, same, Optional.of(base))) {
            assertEquals(Verdict.PASS, g.verdict(), g.reason());
            assertEquals(0.0, g.ciLow(), 1e-12);
            assertEquals(0.0, g.ciHigh(), 1e-12);
            assertTrue(!g.reason().contains("-0.0000"), "a zero drop prints without a sign: " + g.reason());
        }
    }

    @Test
    void minimumScoreIsAnOperatingPoint() {
        // The near pedestrian is found with score 0.9 in frames 0-49 and only with score 0.2 in frames 50-99.
        List<EvalFrame> frames = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            Detection3d d = det(10, 0, 0);
            frames.add(new EvalFrame(f * 100_000_000L, List.of(ped("near", 10, 0)), List.of(f < 50 ? d
                    : new Detection3d(d.box(), "pedestrian", 0.2, 0, 0, List.of(), Detection3d.NO_TRACK, Double.NaN, ""))));
        }
        SafetyScorer.Units u = scorer.accumulate(frames, List.of("pedestrian"));
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        MetricId at = MetricId.parse("frames[pedestrian, 0-30m, score>=0.5].tp_rate(normal)", CLASSES);
        assertEquals("frames[pedestrian, 0-30m, score>=0.5].tp_rate(normal)", at.toString());
        assertEquals(0.5, at.filter().minScore());
        // Every score: matched in all 100 frames. At 0.5: frames 0-49 only -> 50/100, and the frames
        // 50-99 are one miss of 50 x 0.1 s = 5.0 s; recall 50/100.
        assertEquals(1.0, scorer.compute(MetricId.parse("frames[pedestrian, 0-30m].tp_rate(normal)", CLASSES), u, ones),
                1e-12);
        assertEquals(0.5, scorer.compute(at, u, ones), 1e-12);
        assertEquals(5.0, scorer.compute(MetricId.parse("max_miss_s[pedestrian, score>=0.5]", CLASSES), u, ones), 1e-9);
        assertEquals(0.5, scorer.compute(MetricId.parse("recall[pedestrian, score>=0.5]", CLASSES), u, ones), 1e-12);
        // ap[pedestrian, score>=0.5] is not the nuScenes AP (it is binned): the curve stops at recall 0.5.
        assertTrue(MetricId.parse("ap[pedestrian, score>=0.5]@2m", CLASSES).binned());
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("amota[pedestrian, score>=0.5] >= 0.1", CLASSES));
    }

    @Test
    void nothingSelectedFailsNeverPasses() {
        SafetyScorer.Units u = scorer.accumulate(frames(f -> true, 0), List.of("pedestrian"));
        GateResult r = evaluator.evaluate(List.of(Gate.parse("frames[pedestrian, 60-].tp_rate(lenient) >= 0.5",
                CLASSES)), scorer, u, Optional.empty()).get(0);
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason().contains("undefined"), r.reason());
    }
}
