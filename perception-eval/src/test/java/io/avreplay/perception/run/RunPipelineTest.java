package io.avreplay.perception.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.eval.coco.CocoStat;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunPipelineTest extends ArrowTest {
    private Path log() {
        Path log = tmp.resolve("log");
        if (!Files.exists(log)) {
            TestLogs.write(log, allocator, TestLogs.Spec.small());
        }
        return log;
    }

    private RunResult run(ScriptedDetector lidar, Path out, boolean overwrite) {
        return new RunPipeline(lidar, Optional.of(ScriptedDetector.camera()), RunOptions.defaults(), allocator,
                line -> { }).run(List.of(log()), out, overwrite);
    }

    private Set<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void perfectDetectionsScoreOneAndTheOutputIsPublishedWhole() throws IOException {
        Path out = tmp.resolve("run");
        RunResult r = run(ScriptedDetector.lidar(), out, false);
        // Every sweep's car is detected exactly at its ground-truth box with its velocity: precision 1 at every
        // recall, so the nuScenes AP (mean over recall >= 0.1 of (p - 0.1) / 0.9) is 1 at each distance.
        for (double th : List.of(0.5, 1.0, 2.0, 4.0)) {
            assertEquals(1.0, r.lidar().labelAps().get("car").get(th), 1e-12);
        }
        // Each synced camera frame's box is detected exactly (IoU 1 at every threshold): COCO AP 1.
        assertEquals(1.0, r.camera().orElseThrow().stats().get(CocoStat.AP), 1e-12);
        assertEquals(List.of("fixture-log"), r.logIds());
        assertEquals(10, r.timing().sweeps());
        Path dest = out.toAbsolutePath().normalize();
        for (Path p : r.outputs().values()) {
            assertTrue(p.startsWith(dest) && Files.isRegularFile(p), p + " is a published file");
        }
        assertTrue(Files.isRegularFile(out.resolve(RunJson.FILE_NAME)));
        assertEquals(Set.of("log", "run"), namesIn(tmp), "no temporary left beside the output");
        // provenance: the fixture's 10 sweeps, 100 ms apart from T0; both scripted models (no recorded hash)
        RunProvenance p = r.provenance();
        assertEquals(List.of(new RunProvenance.LogRange("fixture-log", TestLogs.T0,
                TestLogs.T0 + 9 * TestLogs.LIDAR_PERIOD_NS, 10)), p.logs());
        assertEquals(List.of(new RunProvenance.ModelRef("lidar", "scripted-lidar_3d", ""),
                new RunProvenance.ModelRef("camera", "scripted-camera_2d", "")), p.models());
        assertEquals("detection_cvpr_2019", p.config().get("nuscenes_config"));
        assertEquals(p, RunJson.readProvenance(Files.readString(out.resolve(RunJson.FILE_NAME))));
        // detection (lidar and camera), ground truth, poses and tracking all read through one open of the log
        assertEquals(java.util.Map.of("fixture-log", 1), opens.opened());
    }

    @Test
    void anExistingOutputIsReplacedOnlyWhenItIsAnEarlierRunAndOverwriteIsGiven() throws IOException {
        Path out = tmp.resolve("run");
        run(ScriptedDetector.lidar(), out, false);
        ScriptedDetector second = ScriptedDetector.lidar();
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> run(second, out, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertTrue(second.batchSizes.isEmpty(), "refused before any detection");
        run(ScriptedDetector.lidar(), out, true);
        assertTrue(Files.isRegularFile(out.resolve(RunJson.FILE_NAME)));
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep");
        assertThrows(InvalidConfigException.class, () -> run(ScriptedDetector.lidar(), mine, true));
        assertEquals("keep", Files.readString(mine.resolve("notes.txt")));
    }

    @Test
    void aFailedRunLeavesNeitherOutputNorTemporary() throws IOException {
        Path out = tmp.resolve("run");
        log();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> run(ScriptedDetector.failingLidar(), out, false));
        assertEquals("scripted failure", e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(Set.of("log"), namesIn(tmp));
    }

    @Test
    void logsRunOneByOneMergeAndScoreIntoTheWholeRunEvenAfterSerialization() throws Exception {
        Path a = tmp.resolve("log-a");
        Path b = tmp.resolve("log-b");
        TestLogs.write(a, allocator, TestLogs.Spec.small().withId("log-a"));
        TestLogs.write(b, allocator, TestLogs.Spec.small().withId("log-b").withSweeps(6));
        RunResult whole = pipeline().run(List.of(a, b), tmp.resolve("whole"), false);
        RunData first = pipeline().runLog(a, 0, tmp.resolve("one/0"));
        RunData second = pipeline().runLog(b, 1, tmp.resolve("one/1"));
        assertTrue(Files.isRegularFile(tmp.resolve("one/1").resolve(RunJson.FILE_NAME)), "each log writes its own");
        RunData merged = roundTrip(first).merge(roundTrip(second));
        RunResult scored = RunPipeline.score(merged, List.of(a.toString(), b.toString()), 1.0, java.util.Map.of());
        // 10 + 6 sweeps, both logs in order in the provenance; every metric document equal but timing and outputs
        assertEquals(16, merged.counts().sweeps());
        assertEquals(List.of("log-a", "log-b"), scored.logIds());
        assertEquals(comparable(whole), comparable(scored));
    }

    private RunPipeline pipeline() {
        return new RunPipeline(ScriptedDetector.lidar(), Optional.of(ScriptedDetector.camera()), RunOptions.defaults(),
                allocator, line -> { });
    }

    /** Java serialization there and back, as a distributed runner sends the data. */
    private static RunData roundTrip(RunData d) throws IOException, ClassNotFoundException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(bytes)) {
            o.writeObject(d);
        }
        try (java.io.ObjectInputStream i = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (RunData) i.readObject();
        }
    }

    private static String comparable(RunResult r) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = RunJson.toTree(r);
        doc.remove(List.of("timing", "outputs"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("lidar")).remove("eval_time");
        return io.avreplay.eval.detection.ResultJson.write(doc);
    }
}
