package io.avreplay.eval.nuscenes;

import static io.avreplay.eval.Golden.assertClose;
import static io.avreplay.eval.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden nuScenes case reproduces the devkit's metrics_summary and metrics_details to 1e-6. */
class NuScenesParityTest {
    private static final double TOL = 1e-6;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Golden.tests("nuscenes", NuScenesParityTest::check);
    }

    static void check(Path dir) {
        NuScenesResult r = new NuScenesEvaluator(NuScenesConfig.cvpr2019())
                .evaluateFiles(dir.resolve("gt.json"), dir.resolve("pred.json"));
        JsonNode exp = Golden.read(dir.resolve("expected.json"));
        JsonNode s = exp.get("metrics_summary");
        String c = dir.getFileName() + " ";
        assertClose(num(s.get("mean_ap")), r.meanAp(), TOL, c + "mean_ap");
        assertClose(num(s.get("nd_score")), r.ndScore(), TOL, c + "nd_score");
        for (TpMetric m : TpMetric.values()) {
            assertClose(num(s.get("tp_errors").get(m.key())), r.tpErrors().get(m), TOL, c + "tp_errors." + m.key());
            assertClose(num(s.get("tp_scores").get(m.key())), r.tpScores().get(m), TOL, c + "tp_scores." + m.key());
        }
        s.get("label_aps").fields().forEachRemaining(e -> e.getValue().fields().forEachRemaining(t ->
                assertClose(num(t.getValue()), r.labelAps().get(e.getKey()).get(Double.parseDouble(t.getKey())), TOL,
                        c + "label_aps." + e.getKey() + "." + t.getKey())));
        s.get("mean_dist_aps").fields().forEachRemaining(e ->
                assertClose(num(e.getValue()), r.meanDistAps().get(e.getKey()), TOL, c + "mean_dist_aps." + e.getKey()));
        s.get("label_tp_errors").fields().forEachRemaining(e -> {
            for (TpMetric m : TpMetric.values()) {
                assertClose(num(e.getValue().get(m.key())), r.labelTpErrors().get(e.getKey()).get(m), TOL,
                        c + "label_tp_errors." + e.getKey() + "." + m.key());
            }
        });
        int[] curves = {0};
        exp.get("metrics_details").fields().forEachRemaining(e -> {
            DetectionCurve curve = r.curves().get(e.getKey());
            if (curve == null) {
                throw new AssertionError(c + "missing curve " + e.getKey());
            }
            JsonNode d = e.getValue();
            compare(d.get("recall"), curve.recall(), c + e.getKey() + " recall");
            compare(d.get("precision"), curve.precision(), c + e.getKey() + " precision");
            compare(d.get("confidence"), curve.confidence(), c + e.getKey() + " confidence");
            for (TpMetric m : TpMetric.values()) {
                compare(d.get(m.key()), curve.errors().get(m), c + e.getKey() + " " + m.key());
            }
            curves[0]++;
        });
        if (curves[0] != r.curves().size()) {
            throw new AssertionError(c + "expected " + curves[0] + " curves, got " + r.curves().size());
        }
    }

    private static void compare(JsonNode expected, List<Double> actual, String what) {
        if (expected.size() != actual.size()) {
            throw new AssertionError(what + ": expected " + expected.size() + " points, got " + actual.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            assertClose(num(expected.get(i)), actual.get(i), TOL, what + "[" + i + "]");
        }
    }
}
