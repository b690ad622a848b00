package io.avreplay.eval.av2;

import static io.avreplay.eval.Golden.num;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.Golden;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every golden av2 case reproduces av2-api 0.3.6's full-precision table (26 categories and the mean) to 1e-9. */
class Av2ParityTest {
    private static final double TOL = 1e-9;

    @TestFactory
    Stream<DynamicTest> goldenCases() {
        return Golden.tests("av2", Av2ParityTest::check);
    }

    static void check(Path dir) {
        Av2Result r;
        try (RootAllocator allocator = new RootAllocator()) {
            r = new Av2Evaluator(Av2Config.defaults()).evaluateFiles(dir.resolve("gt.csv"), dir.resolve("dt.csv"),
                    allocator);
        }
        JsonNode exp = Golden.read(dir.resolve("expected.json")).get("metrics");
        String c = dir.getFileName() + " ";
        int[] rows = {0};
        exp.fields().forEachRemaining(e -> {
            Av2Scores s = e.getKey().equals("AVERAGE_METRICS") ? r.average() : r.categories().get(e.getKey());
            if (s == null) {
                throw new AssertionError(c + "missing category " + e.getKey());
            }
            for (String col : Av2Scores.COLUMNS) {
                Golden.assertClose(num(e.getValue().get(col)), s.get(col), TOL, c + e.getKey() + "." + col);
            }
            rows[0]++;
        });
        if (rows[0] != 27 || r.categories().size() != 26) {
            throw new AssertionError(c + "expected 26 categories and the mean, compared " + rows[0]);
        }
    }
}
