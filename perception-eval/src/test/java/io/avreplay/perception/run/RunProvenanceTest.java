package io.avreplay.perception.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.avreplay.error.BadInputException;
import io.avreplay.eval.detection.ResultJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProvenanceTest {
    private static RunProvenance sample() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("nuscenes_config", "detection_cvpr_2019");
        config.put("camera_rate", "synced");
        return new RunProvenance(List.of(new RunProvenance.LogRange("log-a", 100, 900, 9),
                new RunProvenance.LogRange("log-b", 5, 5, 1)),
                List.of(new RunProvenance.ModelRef("lidar", "bev-centernet-s", "ab12"),
                        new RunProvenance.ModelRef("camera", "cam-centernet-s", "")),
                config, "0.1.0");
    }

    @Test
    void roundTripsThroughJsonText() {
        RunProvenance p = sample();
        String text = ResultJson.write(p.toJson());
        assertEquals(p, RunProvenance.fromJson(ResultJson.read(text)));
        assertEquals(9, ResultJson.read(text).get("logs").get(0).get("sweeps").asInt());
        assertEquals("ab12", ResultJson.read(text).get("models").get("lidar").get("sha256").asText());
    }

    @Test
    void aMissingFieldIsNamed() {
        var tree = sample().toJson();
        tree.remove("tool_version");
        BadInputException e = assertThrows(BadInputException.class, () -> RunProvenance.fromJson(tree));
        assertEquals("run provenance: field 'tool_version': expected a string", e.getMessage());
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunProvenance.LogRange("log", 10, 9, 2));
        assertEquals("lastNs must be >= firstNs, got 9 < 10", e.getMessage());
    }
}
