package io.avreplay.eval.nuscenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input named in issue 5 gives a one-line error naming file, place and field. */
class NuScenesBadInputTest {
    @TempDir
    Path dir;

    private static final String GT = """
            {"results": [
              {"sample_token": "s1", "translation": [1, 2, 0], "size": [2, 4, 1.5], "yaw": 0.1,
               "velocity": [1, 0], "detection_name": "car", "attribute_name": "", "num_pts": 5}
            ]}
            """;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String box(String sample, String fields) {
        return "{\"sample_token\": \"" + sample + "\", \"translation\": [1, 2, 0], \"size\": [2, 4, 1.5],"
                + " \"rotation\": [1, 0, 0, 0], \"velocity\": [1, 0], \"detection_name\": \"car\","
                + " \"attribute_name\": \"\"" + fields + "}";
    }

    private String failure(String pred) throws IOException {
        Path g = file("gt.json", GT);
        Path p = file("pred.json", pred);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new NuScenesEvaluator(NuScenesConfig.cvpr2019()).evaluateFiles(g, p));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws IOException {
        String m = failure("{\"results\": [\n  " + box("s1", ", \"detection_score\": 0.5") + ",\n  {\"x\": ]\n]}");
        assertTrue(m.contains("pred.json:3:"), m);
        assertTrue(m.contains("malformed JSON"), m);
        assertTrue(!m.contains("Source"), m);
    }

    @Test
    void unknownClassName() throws IOException {
        String m = failure("{\"results\": [" + box("s1", ", \"detection_score\": 0.5").replace("\"car\"", "\"tank\"")
                + "]}");
        assertTrue(m.contains("prediction box 0 (sample_token s1): field detection_name: unknown class 'tank'"), m);
    }

    @Test
    void zeroAndNegativeSize() throws IOException {
        String zero = failure("{\"results\": [" + box("s1", ", \"detection_score\": 0.5").replace("[2, 4, 1.5]",
                "[0, 4, 1.5]") + "]}");
        assertTrue(zero.contains("field size: expected w, l, h > 0, got [0.0, 4.0, 1.5]"), zero);
        String neg = failure("{\"results\": [" + box("s1", ", \"detection_score\": 0.5").replace("[2, 4, 1.5]",
                "[2, -4, 1.5]") + "]}");
        assertTrue(neg.contains("field size"), neg);
    }

    @Test
    void missingFields() throws IOException {
        String score = failure("{\"results\": [" + box("s1", "") + "]}");
        assertTrue(score.contains("field detection_score: missing field"), score);
        String tr = failure("{\"results\": [" + box("s1", ", \"detection_score\": 0.5").replace(
                "\"translation\": [1, 2, 0], ", "") + "]}");
        assertTrue(tr.contains("field translation: missing field"), tr);
        String rot = failure("{\"results\": [" + box("s1", ", \"detection_score\": 0.5").replace(
                "\"rotation\": [1, 0, 0, 0], ", "") + "]}");
        assertTrue(rot.contains("field rotation: missing field"), rot);
    }

    @Test
    void negativeScoreIsRejected() throws IOException {
        // The devkit misbehaves on negative scores; we refuse them.
        String m = failure("{\"results\": [" + box("s1", ", \"detection_score\": -0.5") + "]}");
        assertTrue(m.contains("field detection_score: expected a finite number >= 0, got -0.5"), m);
    }

    @Test
    void moreThan500BoxesPerSample() throws IOException {
        StringBuilder b = new StringBuilder("{\"results\": {\"s1\": [");
        for (int i = 0; i < 501; i++) {
            b.append(i == 0 ? "" : ",").append(box("s1", ", \"detection_score\": 0.5"));
        }
        String m = failure(b.append("]}}").toString());
        assertEquals("sample s1 has 501 predictions, more than max_boxes_per_sample 500", m);
    }

    @Test
    void predictionsForSamplesWithoutGroundTruthAreFalsePositivesAndReported() throws IOException {
        Path g = file("gt.json", GT);
        Path p = file("pred.json", "[" + box("s1", ", \"detection_score\": 0.9").replace("[1, 2, 0]", "[1, 2, 0]")
                + ", " + box("s2", ", \"detection_score\": 0.95") + "]");
        NuScenesResult r = new NuScenesEvaluator(NuScenesConfig.cvpr2019()).evaluateFiles(g, p);
        assertEquals(1, r.counts().predsWithoutGtSample());
        assertEquals(1, r.counts().samplesWithoutGt());
        // The FP in s2 comes first (higher score): precision at recall 1 is 1/2.
        assertEquals(0.5, r.curves().get("car:2.0").precision().get(100), 1e-12);
        assertTrue(NuScenesText.write(r).contains("1 predictions in 1 samples without ground truth"));
    }

    @Test
    void invalidConfigIsAConfigError() throws IOException {
        Path c = file("cfg.json", "{\"class_range\": {\"car\": 50, \"spaceship\": 10}}");
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> NuScenesConfig.fromFile(c));
        assertTrue(e.getMessage().contains("unknown class 'spaceship'"), e.getMessage());
        Path ok = file("sub.json", "{\"class_range\": {\"car\": 50, \"pedestrian\": 40}}");
        NuScenesConfig sub = NuScenesConfig.fromFile(ok);
        assertEquals(java.util.List.of("car", "pedestrian"), sub.classNames());
        assertEquals(2.0, sub.distThTp(), 0);
    }
}
