package io.avreplay.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.avreplay.eval.detection.ResultJson;
import io.avreplay.perception.api.ExecBackend;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.RawFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An external-process detector (the Java example in perception-eval's tests) through {@code run}, {@code gate}
 * and {@code compare}.
 */
class ExecModelCommandTest {
    @TempDir
    Path tmp;

    private Path model(String name, String mainClass, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        Path dir = Files.createDirectories(tmp.resolve(name));
        ModelCardJson.write(new ModelCard(name, ModelTask.LIDAR_3D, "", new RawFrames(), List.of("car", "pedestrian"),
                1, 0.05, 0.5, 100, 0, null, new ExecBackend(cmd, "", Map.of(), 30_000, 10_000)),
                dir.resolve("card.json"));
        return dir;
    }

    private Path log() {
        Path log = tmp.resolve("log");
        assertEquals(0, CliRun.of("synth", "--preset", "cut-in", "--seed", "4", "--duration", "1s", "--rate-camera", "0",
                "--out", log.toString()).exitCode());
        return log;
    }

    @Test
    void runScoresTheExampleProcessDetector() throws Exception {
        Path log = log();
        Path m = model("centroid", "io.avreplay.perception.exec.ExampleExecDetector");
        CliRun r = CliRun.of("run", log.toString(), "--lidar-model", m.toString(), "--camera-model", "none", "--out",
                tmp.resolve("out").toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = ResultJson.read(r.out());
        // One box per sweep, 1 s at 10 Hz with both ends = 11 sweeps.
        assertEquals(11, j.get("timing").get("sweeps").asInt());
        assertTrue(j.get("lidar").has("nd_score"));
        assertTrue(Files.isRegularFile(tmp.resolve("out/detections_3d.arrow")));
    }

    @Test
    void compareRunsTheExampleProcessBesideTheShippedModel() throws Exception {
        Path log = log();
        Path m = model("centroid", "io.avreplay.perception.exec.ExampleExecDetector");
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("compare", log.toString(), "--model", "default", "--model", m.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rows = ResultJson.read(Files.readString(out.resolve("compare.json"))).get("models");
        assertEquals("exec", rows.get(1).get("backend").asText());
        assertEquals("centroid", rows.get(1).get("model").asText());
        // 1 s at 10 Hz with both ends: 11 sweeps through the process too.
        assertEquals(11, rows.get(1).get("frames").asInt());
        assertTrue(rows.get(1).get("agreement_with_first").get("matched_share").asDouble() < 1,
                "a centroid per sweep is not the shipped model's boxes: " + rows.get(1));
    }

    @Test
    void aCrashingProcessFailsTheRunWithExitThreeAndPublishesNothing() throws Exception {
        Path log = log();
        Path m = model("crash", "io.avreplay.perception.exec.MisbehavingExecDetector", "crash");
        CliRun r = CliRun.of("run", log.toString(), "--lidar-model", m.toString(), "--camera-model", "none", "--out",
                tmp.resolve("out").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("exec model crash: process exited with code 3")
                && r.err().strip().endsWith("CUDA error: out of memory"), r.err());
        assertFalse(Files.exists(tmp.resolve("out")), "no partial results");
    }

    @Test
    void gateTakesAnExecModelAsCandidate() throws Exception {
        Path catalog = Files.createDirectories(tmp.resolve("catalog"));
        Files.writeString(catalog.resolve("cut.yaml"), GateFixture.recipeScenario("cut-in-short", "cut-in", 1,
                "highway", "car", "car", "nds >= 0.0"));
        Path m = model("centroid", "io.avreplay.perception.exec.ExampleExecDetector");
        CliRun r = CliRun.of("gate", "--catalog", catalog.toString(), "--logs", tmp.resolve("logs").toString(),
                "--candidate", m.toString(), "--resamples", "100");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("PASS"), r.out());
    }
}
