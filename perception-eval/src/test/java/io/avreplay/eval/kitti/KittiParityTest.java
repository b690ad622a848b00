package io.avreplay.eval.kitti;

import static io.avreplay.eval.Golden.assertClose;
import static io.avreplay.eval.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden KITTI case reproduces the devkit's 41-point curves, AP|R40 and AP|R11 to 1e-6. */
class KittiParityTest {
    private static final double TOL = 1e-6;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Golden.tests("kitti", KittiParityTest::check);
    }

    static void check(Path dir) {
        KittiResult r = new KittiEvaluator().evaluateDirectories(dir.resolve("label_2"), dir.resolve("pred"));
        JsonNode exp = Golden.read(dir.resolve("expected.json"));
        String c = dir.getFileName() + " ";
        int[] n = {0};
        exp.get("ap").fields().forEachRemaining(cls -> cls.getValue().fields().forEachRemaining(m -> {
            KittiClass kc = KittiClass.valueOf(cls.getKey().toUpperCase());
            KittiMetric km = metric(m.getKey());
            Map<KittiMetric, KittiResult.Curves> byMetric = r.curves().get(kc);
            KittiResult.Curves cv = byMetric == null ? null : byMetric.get(km);
            String w = c + cls.getKey() + "/" + m.getKey();
            if (cv == null) {
                throw new AssertionError(w + ": missing");
            }
            for (int d = 0; d < 3; d++) {
                assertClose(num(m.getValue().get(d)), cv.ap().get(d), TOL, w + " ap[" + d + "]");
                assertClose(num(exp.get("ap_r11").get(cls.getKey()).get(m.getKey()).get(d)), cv.apR11().get(d), TOL,
                        w + " ap_r11[" + d + "]");
                JsonNode p = exp.get("precision").get(cls.getKey()).get(m.getKey()).get(d);
                for (int i = 0; i < 41; i++) {
                    assertClose(num(p.get(i)), cv.precision().get(d).get(i), TOL, w + " precision[" + d + "][" + i + "]");
                }
            }
            n[0]++;
        }));
        int ours = r.curves().values().stream().mapToInt(Map::size).sum();
        if (ours != n[0]) {
            throw new AssertionError(c + "expected " + n[0] + " class/metric pairs, got " + ours);
        }
    }

    static KittiMetric metric(String key) {
        for (KittiMetric m : KittiMetric.values()) {
            if (m.key().equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
