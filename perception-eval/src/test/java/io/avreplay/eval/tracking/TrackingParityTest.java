package io.avreplay.eval.tracking;

import static io.avreplay.eval.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every golden tracking case reproduces the devkit's metrics_summary: the 7 classes and the overall value
 * of all 17 metrics to 1e-7 (the devkit's MOTP depends on its BLAS kernel below that), counts exactly,
 * NaN where the devkit has NaN; and the per-threshold details to the same tolerance.
 */
class TrackingParityTest {
    private static final double TOL = 1e-7;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Golden.tests("nuscenes_tracking", TrackingParityTest::check);
    }

    static void check(Path dir) {
        TrackingResult r = new TrackingEvaluator(TrackingConfig.nips2019())
                .evaluateFiles(dir.resolve("gt.json"), dir.resolve("pred.json"));
        JsonNode exp = Golden.read(dir.resolve("expected.json"));
        String c = dir.getFileName() + " ";
        int compared = 0;
        for (TrackingMetric m : TrackingMetric.values()) {
            JsonNode byClass = exp.get("label_metrics").get(m.key());
            var it = byClass.fields();
            while (it.hasNext()) {
                var e = it.next();
                same(m, num(e.getValue()), r.value(m, e.getKey()), c + m.key() + "[" + e.getKey() + "]");
                compared++;
            }
            same(m, num(exp.get(m.key())), r.value(m, "all"), c + m.key() + "[all]");
            compared++;
        }
        if (compared != 17 * 8) {
            throw new AssertionError(c + "expected 136 values, compared " + compared);
        }
        JsonNode details = Golden.read(dir.resolve("details.json"));
        details.get("metrics_details").fields().forEachRemaining(e -> {
            TrackingCurves cv = r.curves().get(e.getKey());
            e.getValue().fields().forEachRemaining(f -> {
                var actual = switch (f.getKey()) {
                    case "confidence" -> cv.confidence();
                    case "recall_hypo" -> cv.recallHypo();
                    default -> cv.get(TrackingMetric.ofKey(f.getKey()));
                };
                for (int i = 0; i < actual.size(); i++) {
                    Golden.assertClose(num(f.getValue().get(i)), actual.get(i), TOL,
                            c + e.getKey() + "." + f.getKey() + "[" + i + "]");
                }
            });
        });
    }

    private static void same(TrackingMetric m, double expected, double actual, String what) {
        if (m.summed() || m == TrackingMetric.GT) {
            if (!(Double.isNaN(expected) && Double.isNaN(actual)) && expected != actual) {
                throw new AssertionError(what + ": expected exactly " + expected + " but was " + actual);
            }
        } else {
            Golden.assertClose(expected, actual, TOL, what);
        }
    }
}
