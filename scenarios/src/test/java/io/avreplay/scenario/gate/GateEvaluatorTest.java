package io.avreplay.scenario.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {
    static final Set<String> CLASSES = Set.of("car", "pedestrian");
    final NuScenesScenarioScorer scorer = new NuScenesScenarioScorer();
    final GateEvaluator evaluator = new GateEvaluator(BootstrapConfig.defaults());

    static GroundTruth3d car(int i, double x) {
        return new GroundTruth3d(Box3d.ego(new Vec3(x, 0, 0.8), 4.5, 1.9, 1.6, 0), "car", "car-" + i, 50, 0, 0,
                Detection3d.attributeList("vehicle.moving"), 1f);
    }

    static Detection3d det(double x, double score) {
        return new Detection3d(Box3d.ego(new Vec3(x, 0, 0.8), 4.5, 1.9, 1.6, 0), "car", score, 0, 0,
                Detection3d.attributeList("vehicle.moving"), Detection3d.NO_TRACK, Double.NaN, "");
    }

    /** 100 frames with one car each; the detector finds it in the frames where {@code hit} says so. */
    static List<EvalFrame> frames(java.util.function.IntPredicate hit) {
        List<EvalFrame> out = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            out.add(new EvalFrame(f * 100_000_000L, List.of(car(f, 10 + f)),
                    hit.test(f) ? List.of(det(10 + f, 0.9)) : List.of()));
        }
        return out;
    }

    @Test
    void perfectDetectorHasApOne() {
        NuScenesScenarioScorer.Units u = scorer.accumulate(frames(f -> true), List.of("car"));
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        // Precision 1 at every recall: AP = mean over 90 points of (1 - 0.1) / 0.9 = 1.
        assertEquals(1.0, scorer.compute(MetricId.parse("ap[car]@2m", CLASSES), u, ones), 1e-12);
        assertEquals(1.0, scorer.compute(MetricId.parse("map", CLASSES), u, ones), 1e-12);
    }

    @Test
    void halfRecallGivesKnownAp() {
        NuScenesScenarioScorer.Units u = scorer.accumulate(frames(f -> f % 2 == 0), List.of("car"));
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        // Recall reaches 0.5 with precision 1: grid points 0.11..0.50 (40 of 90) score (1-0.1)/0.9 = 1.
        assertEquals(40.0 / 90.0, scorer.compute(MetricId.parse("ap[car]@2m", CLASSES), u, ones), 1e-12);
    }

    @Test
    void absentClassIsUndefinedAndFailsItsGate() {
        NuScenesScenarioScorer.Units u = scorer.accumulate(frames(f -> true), List.of("car", "pedestrian"));
        List<GateResult> r = evaluator.evaluate(List.of(Gate.parse("ap[pedestrian]@2m >= 0.5", CLASSES),
                Gate.parse("map >= 0.9", CLASSES)), scorer, u, Optional.empty());
        assertEquals(Verdict.FAIL, r.get(0).verdict());
        assertTrue(r.get(0).reason().contains("undefined"));
        // mAP over classes present only: the absent pedestrian does not drag it down.
        assertEquals(Verdict.PASS, r.get(1).verdict());
    }

    @Test
    void significantDropFailsSmallDropPasses() {
        NuScenesScenarioScorer.Units base = scorer.accumulate(frames(f -> true), List.of("car"));
        NuScenesScenarioScorer.Units bad = scorer.accumulate(frames(f -> f % 2 == 0), List.of("car"));
        NuScenesScenarioScorer.Units slight = scorer.accumulate(frames(f -> f != 50), List.of("car"));
        Gate g = Gate.parse("ap[car]@2m drop <= 0.02", CLASSES);
        GateResult r = evaluator.evaluate(List.of(g), scorer, bad, Optional.of(base)).get(0);
        assertEquals(Verdict.FAIL, r.verdict(), r.reason());
        assertEquals(40.0 / 90.0 - 1, r.difference(), 1e-12);
        assertTrue(r.ciHigh() < -0.02, r.reason());
        GateResult ok = evaluator.evaluate(List.of(g), scorer, slight, Optional.of(base)).get(0);
        // One missed frame of 100: the drop is ~0.01, under the allowance.
        assertEquals(Verdict.PASS, ok.verdict(), ok.reason());
        GateResult skipped = evaluator.evaluate(List.of(g), scorer, bad, Optional.empty()).get(0);
        assertEquals(Verdict.SKIPPED, skipped.verdict());
    }

    @Test
    void bootstrapIsDeterministic() {
        NuScenesScenarioScorer.Units base = scorer.accumulate(frames(f -> true), List.of("car"));
        NuScenesScenarioScorer.Units cand = scorer.accumulate(frames(f -> f % 3 != 0), List.of("car"));
        Gate g = Gate.parse("ap[car]@2m drop <= 0.5", CLASSES);
        GateResult a = evaluator.evaluate(List.of(g), scorer, cand, Optional.of(base)).get(0);
        GateResult b = evaluator.evaluate(List.of(g), scorer, cand, Optional.of(base)).get(0);
        assertEquals(a, b);
    }

    @Test
    void gateParsing() {
        Gate g = Gate.parse("  ap[pedestrian]@2m >= 0.6 ", CLASSES);
        assertEquals("ap[pedestrian]@2m", g.metric().toString());
        assertEquals(Comparison.GE, g.op());
        assertEquals("map@0.5m", Gate.parse("map@0.5m>=0.4", CLASSES).metric().toString());
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("ap >= 0.5", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("nds@2m >= 0.5", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("ap[car]@2m drop >= 0.1", CLASSES));
        assertThrows(IllegalArgumentException.class, () -> Gate.parse("ap[car] is good", CLASSES));
    }
}
