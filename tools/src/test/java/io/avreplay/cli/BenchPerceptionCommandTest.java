package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchPerceptionCommandTest {
    @TempDir
    Path tmp;

    @Test
    void timesBothShippedDetectorsAgainstAnEqualFlopGemm() throws Exception {
        Path log = tmp.resolve("log");
        CliRun synth = CliRun.of("synth", "--preset", "urban-intersection", "--seed", "5", "--duration", "1s",
                "--rate-camera", "5", "--out", log.toString());
        assertEquals(0, synth.exitCode(), synth.err());
        CliRun r = CliRun.of("bench", "perception", "--log", log.toString(), "--timed", "2", "--threads", "1",
                "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.get("nativeThreads").asInt());
        for (String d : new String[] {"lidar", "camera"}) {
            JsonNode t = j.get(d);
            assertTrue(t.get("flopsPerFrame").asLong() > 0, d);
            // Timings are measured, not asserted against each other (two timed calls are too few for that).
            // The shipped model runs on ONNX Runtime; its DL4J network is timed on every backend.
            assertEquals("onnxruntime-cpu", t.get("backend").asText(), d);
            for (String f : new String[] {"detectMs", "networkMs", "dl4jNetworkMs", "foldedNetworkMs", "onnxNetworkMs"}) {
                assertTrue(t.get(f).asDouble() > 0, d + " " + f);
            }
            assertTrue(t.get("gemmMs").asDouble() > 0, d);
            assertEquals(t.get("networkMs").asDouble() / t.get("gemmMs").asDouble(), t.get("networkVsGemm").asDouble(),
                    1e-9, d);
            assertTrue(t.get("onnxRelError").asDouble() < 1e-4, d);
        }
    }

    @Test
    void aLogWithoutCameraIsBadInputNamingTheLog() {
        Path log = tmp.resolve("lidar-only");
        assertEquals(0, CliRun.of("synth", "--preset", "cut-in", "--duration", "1s", "--rate-camera", "0", "--out",
                log.toString()).exitCode());
        CliRun r = CliRun.of("bench", "perception", "--log", log.toString(), "--lidar-model", "none", "--timed", "1");
        assertEquals(3, r.exitCode(), r.err());
        assertTrue(r.err().contains(log + ": no camera stream"), r.err());
        assertFalse(r.err().strip().contains("\n"), "one line: " + r.err());
    }
}
