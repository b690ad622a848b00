package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.detection.ResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code models list}, {@code models export}, and {@code run} with the exported ONNX lidar model. */
class ModelsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void listNamesBothShippedModelsWithTheirFlops() {
        CliRun r = CliRun.of("models", "list", "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = ResultJson.read(r.out());
        assertEquals(2, rows.size());
        assertEquals("bev-centernet-s", rows.get(0).get("name").asText());
        assertEquals("LIDAR_3D", rows.get(0).get("task").asText());
        // The lidar card's flopsPerFrame.
        assertEquals(122_880_000L, rows.get(0).get("flopsPerFrame").asLong());
        assertEquals("cam-centernet-s", rows.get(1).get("name").asText());
        assertTrue(rows.get(1).get("sizeBytes").asLong() > 0);
        assertTrue(rows.get(1).get("onnxSizeBytes").asLong() > 0);
        assertEquals("onnx (default), folded, dl4j", rows.get(0).get("backends").asText());
    }

    @Test
    void theExportedLidarModelScoresAsTheDl4jOne() throws Exception {
        Path log = tmp.resolve("log");
        assertEquals(0, CliRun.of("synth", "--preset", "urban-intersection", "--seed", "3", "--duration", "2s",
                "--rate-camera", "0", "--out", log.toString()).exitCode());
        Path model = tmp.resolve("m/lidar-onnx");
        CliRun export = CliRun.of("models", "export", "bev-centernet-s", "--format", "onnx", "--out", model.toString());
        assertEquals(0, export.exitCode(), export.err());
        assertTrue(Files.isRegularFile(model.resolve("model.onnx")) && Files.isRegularFile(model.resolve("card.json")));

        CliRun again = CliRun.of("models", "export", "bev-centernet-s", "--out", model.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertEquals("avreplay export: --out " + model + " exists; pass --overwrite to replace it", again.err().strip());

        CliRun dl4j = CliRun.of("run", log.toString(), "--lidar-model", "bev-centernet-s@folded", "--camera-model",
                "none", "--out", tmp.resolve("dl4j").toString(), "--format", "json");
        CliRun onnx = CliRun.of("run", log.toString(), "--lidar-model", model.toString(), "--camera-model", "none",
                "--out", tmp.resolve("onnx").toString(), "--format", "json");
        assertEquals(0, dl4j.exitCode(), dl4j.err());
        assertEquals(0, onnx.exitCode(), onnx.err());
        assertTrue(onnx.err().contains("ONNX Runtime runs on the CPU") || onnx.err().isEmpty(), onnx.err());
        JsonNode a = ResultJson.read(dl4j.out()).get("lidar");
        JsonNode b = ResultJson.read(onnx.out()).get("lidar");
        assertTrue(a.get("mean_ap").asDouble() > 0, "the shipped model finds cars on the log: " + a);
        assertEquals(a.get("mean_ap").asDouble(), b.get("mean_ap").asDouble(), 1e-3);
        assertEquals(a.get("nd_score").asDouble(), b.get("nd_score").asDouble(), 1e-3);
    }

    @Test
    void aCameraModelGivenAsLidarModelIsRefusedWithExitThree() throws Exception {
        Path model = tmp.resolve("cam-onnx");
        assertEquals(0, CliRun.of("models", "export", "cam-centernet-s", "--out", model.toString()).exitCode());
        CliRun r = CliRun.of("run", tmp.resolve("no-log").toString(), "--lidar-model", model.toString(),
                "--out", tmp.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length - (r.err().contains("ONNX Runtime runs on the CPU") ? 1 : 0), r.err());
        assertTrue(r.err().contains("--lidar-model " + model + ": expected a LIDAR_3D model, the card says CAMERA_2D"),
                r.err());
    }
}
