package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.detection.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: the shipped models on their backends (ONNX Runtime, folded, DL4J) on one log, lidar and camera. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void threeLidarBackendsAndTwoCameraBackendsAgreeAndScoreAlike() throws Exception {
        Path log = tmp.resolve("log");
        assertEquals(0, CliRun.of("synth", "--preset", "urban-intersection", "--seed", "6", "--duration", "1s",
                "--out", log.toString()).exitCode());
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("compare", log.toString(), "--model", "default", "--model", "bev-centernet-s@folded",
                "--model", "bev-centernet-s@dl4j", "--camera-model", "cam-centernet-s",
                "--camera-model", "cam-centernet-s@folded", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"compare.json", "compare.md", "compare.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode m = ResultJson.read(Files.readString(out.resolve("compare.json"))).get("models");
        assertEquals(5, m.size());
        String[] backends = {"onnxruntime-cpu", "folded", "dl4j", "onnxruntime-cpu", "folded"};
        for (int i = 0; i < 5; i++) {
            JsonNode row = m.get(i);
            assertEquals(backends[i], row.get("backend").asText(), row.toString());
            assertEquals(i < 3 ? "LIDAR_3D" : "CAMERA_2D", row.get("task").asText());
            // 1 s at 10 Hz, both ends: 11 sweeps, each with its synced camera frame.
            assertEquals(11, row.get("frames").asInt(), row.toString());
            // Every backend finds the first one's boxes (outputs equal to 1e-4).
            assertEquals(1.0, row.get("agreement_with_first").get("matched_share").asDouble(), 0, row.toString());
            assertTrue(row.get("agreement_with_first").get("max_score_difference").asDouble() < 1e-3, row.toString());
            assertTrue(row.get("latency_p50_ms").asDouble() <= row.get("latency_p99_ms").asDouble());
        }
        assertEquals(m.get(0).get("mean_ap").asDouble(), m.get(2).get("mean_ap").asDouble(), 1e-3);
        assertTrue(m.get(0).get("agreement_with_first").get("reference_detections").asLong() > 0);
        assertTrue(m.get(3).get("agreement_with_first").get("reference_detections").asLong() > 0);
        assertEquals(m.get(3).get("coco_ap50").asDouble(), m.get(4).get("coco_ap50").asDouble(), 1e-3);
        assertTrue(m.get(3).has("coco_ap") && !m.get(3).has("mean_ap"), m.get(3).toString());
        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.startsWith("# Model comparison") && md.contains("## Lidar models") && md.contains("## Camera models"),
                md);
        assertTrue(Files.readString(out.resolve("compare.html")).contains("<th>AP50</th>"));
    }

    @Test
    void oneModelIsNotAComparison() {
        CliRun r = CliRun.of("compare", tmp.toString(), "--model", "default", "--out", tmp.resolve("o").toString());
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains("expected at least two models to compare, got 1"), r.err());
    }
}
