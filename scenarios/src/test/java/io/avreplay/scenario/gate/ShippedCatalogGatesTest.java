package io.avreplay.scenario.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.object.Box3d;
import io.avreplay.replay.object.CategoryTable;
import io.avreplay.replay.object.Detection3d;
import io.avreplay.replay.object.GroundTruth3d;
import io.avreplay.scenario.catalog.Catalog;
import io.avreplay.scenario.catalog.CatalogReader;
import io.avreplay.scenario.catalog.Scenario;
import io.avreplay.scenario.scoring.ScoringDetail;
import io.avreplay.scenario.yaml.YamlFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped catalogue ({@code scenarios/catalog}) against the scorer of {@code avreplay gate}: every
 * scenario parses, every gate names a metric {@link SafetyScorer} computes (a defined value on frames that
 * hold each scenario class in every distance bin and region), and a perfect detector passes every gate,
 * so no gate points the wrong way. The measured values of the shipped model are in the catalogue's
 * comments; running it takes minutes (synthesis and inference), this takes a second.
 */
class ShippedCatalogGatesTest {
    final SafetyScorer scorer = new SafetyScorer();
    final Catalog catalog = new CatalogReader(scorer.knownClasses(), YamlFiles.DEFAULT_MAX_BYTES).read(Path.of("catalog"));

    @Test
    void everyGateIsDefinedAndAPerfectDetectorPassesIt() {
        assertTrue(catalog.scenarios().size() >= 8, "the shipped catalogue has " + catalog.scenarios().size());
        GateEvaluator ev = new GateEvaluator(new BootstrapConfig(100, 0.95, BootstrapConfig.DEFAULT_SEED));
        for (Scenario s : catalog.scenarios()) {
            SafetyScorer.Units u = scorer.accumulate(perfect(s.classes()), s.classes());
            List<GateResult> results = ev.evaluate(s.gates(), scorer, u, Optional.of(u));
            for (GateResult r : results) {
                String where = s.id() + ": " + r.gate().expression() + " (" + r.reason() + ")";
                assertFalse(Double.isNaN(r.candidate()), where);
                assertEquals(Verdict.PASS, r.verdict(), where);
            }
            ScoringDetail d = scorer.detail(u, s.gates(), s.scoring().bins());
            assertFalse(d.bins().isEmpty(), s.id());
        }
    }

    @Test
    void catalogueUsesEveryNewKindOfGate() {
        // Issue 17: crossings, cut-ins and night rain state their requirements as bins, per-frame criteria,
        // error statistics and timelines.
        Set<MetricKind> kinds = EnumSet.noneOf(MetricKind.class);
        boolean bin = false;
        for (Scenario s : catalog.scenarios()) {
            for (Gate g : s.gates()) {
                kinds.add(g.metric().kind());
                bin |= g.metric().binned();
            }
        }
        assertTrue(bin, "a bin or region gate");
        assertTrue(kinds.containsAll(Set.of(MetricKind.FRAMES, MetricKind.ERR, MetricKind.MAX_MISS_S)), kinds.toString());
    }

    @Test
    void benchGateTimesEveryKindOfGateTheCatalogueUses() {
        // docs/BENCHMARKS.md's 1.5x budget is measured by GateBenchmark: its gates must cover the catalogue's.
        Set<String> bench = new java.util.HashSet<>();
        java.util.stream.Stream.concat(GateBenchmark.TODAY.stream(), GateBenchmark.SAFETY.stream())
                .map(t -> Gate.parse(t, scorer.knownClasses(), java.util.Map.of("ego_lane",
                        new io.avreplay.scenario.scoring.Region("ego_lane", 0, 60, -2, 2))))
                .forEach(g -> bench.add(shape(g)));
        for (Scenario s : catalog.scenarios()) {
            for (Gate g : s.gates()) {
                assertTrue(bench.contains(shape(g)), s.id() + ": " + g.expression() + " is not timed by bench gate " + bench);
            }
        }
    }

    /**
     * What costs time: the kind, whether binned (selected objects), at an operating point (one more match
     * per minimum score) and a regression (the bootstrap of both). Criteria and error quantities of one
     * kind cost the same.
     */
    private static String shape(Gate g) {
        return g.metric().kind() + (g.metric().binned() ? " binned" : "") + (g.metric().filter().minScore() > 0
                ? " operating-point" : "") + (g.regression() ? " regression" : "");
    }

    /**
     * Ten frames at 10 Hz; each class has one object every 10 m from 5 m to 95 m straight ahead (class k at
     * y = -1 + 0.5 k m, inside every ego-lane region of the catalogue), moving at 2 m/s along x, each
     * detected exactly with score 0.9.
     */
    static List<EvalFrame> perfect(List<String> classes) {
        List<EvalFrame> out = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            List<GroundTruth3d> truth = new ArrayList<>();
            List<Detection3d> dets = new ArrayList<>();
            for (int k = 0; k < classes.size(); k++) {
                String cls = classes.get(k);
                assertEquals(Optional.of(cls), CategoryTable.standard().nuScenesClass(cls), "class name as category");
                for (int i = 0; i < 10; i++) {
                    Box3d box = Box3d.ego(new Vec3(5 + 10 * i + 0.2 * f, -1 + 0.5 * k, 1), 2, 1, 1.5, 0);
                    truth.add(new GroundTruth3d(box, cls, cls + "-" + i, 50, 2, 0, List.of(), Float.NaN));
                    dets.add(new Detection3d(box, cls, 0.9, 2, 0, List.of(), Detection3d.NO_TRACK, Double.NaN, ""));
                }
            }
            out.add(new EvalFrame(1_000_000_000L + f * 100_000_000L, truth, dets));
        }
        return out;
    }
}
