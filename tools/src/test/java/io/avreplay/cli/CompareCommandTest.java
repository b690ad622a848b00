package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.detection.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare}: the shipped lidar model against its ONNX export on one log. */
class CompareCommandTest {
    @TempDir
    Path tmp;

    @Test
    void dl4jAndItsOnnxExportAgreeAndScoreAlike() throws Exception {
        Path log = tmp.resolve("log");
        assertEquals(0, CliRun.of("synth", "--preset", "urban-intersection", "--seed", "6", "--duration", "1s",
                "--rate-camera", "0", "--out", log.toString()).exitCode());
        Path onnx = tmp.resolve("onnx");
        assertEquals(0, CliRun.of("models", "export", "bev-centernet-s", "--out", onnx.toString()).exitCode());
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("compare", log.toString(), "--model", "default", "--model", onnx.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String f : new String[] {"compare.json", "compare.md", "compare.html"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode m = ResultJson.read(Files.readString(out.resolve("compare.json"))).get("models");
        assertEquals(2, m.size());
        assertEquals("dl4j", m.get(0).get("backend").asText());
        assertEquals("onnx", m.get(1).get("backend").asText());
        // 1 s at 10 Hz, both ends: 11 sweeps per model.
        assertEquals(11, m.get(0).get("frames").asInt());
        assertEquals(11, m.get(1).get("frames").asInt());
        // The first model agrees with itself fully; the export finds the same boxes (outputs equal to 1e-4).
        assertEquals(1.0, m.get(0).get("agreement_with_first").get("matched_share").asDouble(), 0);
        assertEquals(1.0, m.get(1).get("agreement_with_first").get("matched_share").asDouble(), 0);
        assertTrue(m.get(1).get("agreement_with_first").get("max_score_difference").asDouble() < 1e-3);
        assertEquals(m.get(0).get("mean_ap").asDouble(), m.get(1).get("mean_ap").asDouble(), 1e-3);
        assertTrue(m.get(0).get("latency_p50_ms").asDouble() <= m.get(0).get("latency_p99_ms").asDouble());
        assertTrue(r.out().startsWith("# Model comparison"), r.out());
    }
}
