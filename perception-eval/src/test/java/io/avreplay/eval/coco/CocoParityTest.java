package io.avreplay.eval.coco;

import static io.avreplay.eval.Golden.assertClose;
import static io.avreplay.eval.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden COCO case reproduces pycocotools' 12 stats and per-category AP to 1e-6. */
class CocoParityTest {
    private static final double TOL = 1e-6;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Golden.tests("coco", CocoParityTest::check);
    }

    static void check(Path dir) {
        CocoResult r = new CocoEvaluator().evaluateFiles(dir.resolve("gt.json"), dir.resolve("dt.json"));
        JsonNode exp = Golden.read(dir.resolve("expected.json"));
        String c = dir.getFileName() + " ";
        for (CocoStat s : CocoStat.values()) {
            assertClose(num(exp.get("stats").get(s.ordinal())), r.stats().get(s), TOL, c + s);
        }
        int[] n = {0};
        exp.get("per_category").fields().forEachRemaining(e -> {
            CocoResult.CategoryAp a = r.perCategory().get(Long.parseLong(e.getKey()));
            JsonNode v = e.getValue();
            assertClose(num(v.get("AP")), a.ap(), TOL, c + e.getKey() + " AP");
            assertClose(num(v.get("AP50")), a.ap50(), TOL, c + e.getKey() + " AP50");
            assertClose(num(v.get("AP75")), a.ap75(), TOL, c + e.getKey() + " AP75");
            assertClose(num(v.get("AR")), a.ar100(), TOL, c + e.getKey() + " AR");
            n[0]++;
        });
        if (n[0] != r.perCategory().size()) {
            throw new AssertionError(c + "expected " + n[0] + " categories, got " + r.perCategory().size());
        }
    }
}
