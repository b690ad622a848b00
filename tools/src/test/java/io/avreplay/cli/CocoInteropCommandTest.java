package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ecosystem report, gap 1: {@code export coco} and {@code run} number images and categories the same way, so
 * a run's results score against the exported ground truth; results naming unknown images are refused.
 */
class CocoInteropCommandTest {
    @TempDir
    Path tmp;

    private static Map<Long, String> byId(JsonNode array, String field) {
        Map<Long, String> m = new HashMap<>();
        array.forEach(n -> m.put(n.get("id").asLong(), n.get(field).asText()));
        return m;
    }

    @Test
    void runResultsUseTheExportedGroundTruthsIds() throws IOException {
        Path log = tmp.resolve("log");
        assertEquals(0, CliRun.of("synth", "--preset", "urban-intersection", "--seed", "3", "--duration", "1s",
                "--out", log.toString()).exitCode());
        CliRun run = CliRun.of("run", log.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(0, run.exitCode(), run.err());
        Path gt = tmp.resolve("gt.json");
        assertEquals(0, CliRun.of("export", "coco", log.toString(), "--camera", "cam_front", "--out", gt.toString())
                .exitCode());
        ObjectMapper m = new ObjectMapper();
        JsonNode exported = m.readTree(gt.toFile());
        JsonNode runGt = m.readTree(tmp.resolve("run/coco_gt.json").toFile());
        Map<Long, String> exportedImages = byId(exported.get("images"), "file_name");
        Map<Long, String> runImages = byId(runGt.get("images"), "file_name");
        assertFalse(runImages.isEmpty());
        // Every image of the run is the exported image with the same id (the synced frames are a subset).
        runImages.forEach((id, name) -> assertEquals(name, exportedImages.get(id), "image " + id));
        Map<Long, String> exportedCats = byId(exported.get("categories"), "name");
        byId(runGt.get("categories"), "name").forEach((id, name) -> {
            if (exportedCats.containsValue(name)) {
                assertEquals(name, exportedCats.get(id), "category " + id);
            }
        });
        CliRun eval = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", tmp.resolve("run/coco_results.json").toString());
        assertEquals(0, eval.exitCode(), eval.err());
    }

    @Test
    void resultsForImagesTheGroundTruthLacksAreRefused() throws IOException {
        Path gt = Files.writeString(tmp.resolve("gt.json"), "{\"images\":[{\"id\":1}],\"categories\":[{\"id\":1,"
                + "\"name\":\"car\"}],\"annotations\":[]}");
        Path dt = Files.writeString(tmp.resolve("dt.json"),
                "[{\"image_id\":4294967297,\"category_id\":1,\"bbox\":[0,0,5,5],\"score\":0.5}]");
        CliRun r = CliRun.of("eval", "coco", "--gt", gt.toString(), "--dt", dt.toString());
        assertEquals(3, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(dt + ": detection 0: image_id 4294967297 is not an image of the ground truth"),
                r.err());
    }
}
