package io.avreplay.perception.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.perception.Detectors;
import io.avreplay.perception.api.Detector;
import io.avreplay.perception.api.ExecBackend;
import io.avreplay.perception.api.FrameSet;
import io.avreplay.perception.api.ModelCard;
import io.avreplay.perception.api.ModelCardJson;
import io.avreplay.perception.api.ModelTask;
import io.avreplay.perception.api.RawFrames;
import io.avreplay.perception.onnx.OnnxOptions;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.Detection3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The exec backend with the Java example detector, and each way a process can fail. */
class ExecDetectorTest extends ArrowTest {
    /** The test JVM's own java and classpath, so the example runs as a separate process. */
    static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Writes an exec model directory whose card runs {@code command}. */
    static Path model(Path dir, List<String> command, long startupMs, long requestMs) throws Exception {
        Files.createDirectories(dir);
        ModelCard card = new ModelCard("example-exec", ModelTask.LIDAR_3D, "centroid of points", new RawFrames(),
                List.of("car", "pedestrian"), 1, 0.05, 0.5, 100, 0, null,
                new ExecBackend(command, "", Map.of("EXAMPLE_MODE", "test"), startupMs, requestMs));
        ModelCardJson.write(card, dir.resolve(ModelCardJson.FILE_NAME));
        return dir;
    }

    private Detector load(Path dir) {
        return Detectors.resolve("--lidar-model", dir.toString(), ModelTask.LIDAR_3D, OnnxOptions.defaults(), allocator)
                .orElseThrow();
    }

    private static final Pose MOUNT = new Pose(Quaternion.IDENTITY, new Vec3(1.0, 0, 1.8));

    private static FrameSet frames(long t) {
        return FrameSet.of(TestLogs.sweep("lidar_top", t, 3, 500), SensorCalibration.lidar("lidar_top", MOUNT));
    }

    @Test
    void theJavaExampleAnswersEveryRequestWithTheCentroidBox() throws Exception {
        Path dir = model(tmp.resolve("m"), java(ExampleExecDetector.class.getName()), 30_000, 10_000);
        assertEquals(new ExecBackend(java(ExampleExecDetector.class.getName()), "", Map.of("EXAMPLE_MODE", "test"),
                30_000, 10_000), ModelCardJson.read(dir.resolve("card.json")).backend(), "the card round-trips");
        try (Detector d = load(dir)) {
            for (long t : new long[] {0, 100_000_000L}) {
                FrameSet fs = frames(t);
                LidarSweep s = fs.sweeps().get(0);
                // Expected: the mean of the points whose ego z (sensor z + 1.8 m) is above 0.3 m, shifted by
                // the mount (+1 m in x, +1.8 m in z).
                double sx = 0;
                double sy = 0;
                double sz = 0;
                int n = 0;
                for (int i = 0; i < s.x().length; i++) {
                    if (s.z()[i] + 1.8 > 0.3) {
                        sx += s.x()[i] + 1.0;
                        sy += s.y()[i];
                        sz += s.z()[i] + 1.8;
                        n++;
                    }
                }
                List<Detection3d> boxes = d.detect(fs).objects3d();
                assertEquals(1, boxes.size());
                Detection3d b = boxes.get(0);
                assertEquals("car", b.category());
                assertEquals(0.9, b.score(), 0);
                assertEquals(sx / n, b.box().centre().x(), 1e-4);
                assertEquals(sy / n, b.box().centre().y(), 1e-4);
                assertEquals(sz / n, b.box().centre().z(), 1e-4);
                assertEquals(4.5, b.box().length(), 0);
                assertEquals(t, d.detect(fs).timestampNs());
            }
        }
    }

    @Test
    void aProcessThatCrashesMidRunIsReportedWithItsStderr() throws Exception {
        Path dir = model(tmp.resolve("m"), java(MisbehavingExecDetector.class.getName(), "crash"), 30_000, 10_000);
        Detector d = load(dir);
        try {
            assertEquals(List.of(), d.detect(frames(0)).objects3d());
            BadInputException e = assertThrows(BadInputException.class, () -> d.detect(frames(1)));
            // The child JVM's own SLF4J warnings come first on its stderr; the tail ends with its last words.
            assertTrue(e.getMessage().startsWith("exec model example-exec: process exited with code 3 (cannot exchange "
                    + "request 2: its stdout ended before answering request 2); stderr: "), e.getMessage());
            assertTrue(e.getMessage().endsWith(" | loading frame 2 | CUDA error: out of memory"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertFalse(((ExecDetector) d).process().isAlive());
        } finally {
            d.close();
        }
    }

    @Test
    void anAnswerWithTheWrongSchemaIsRefused() throws Exception {
        Path dir = model(tmp.resolve("m"), java(MisbehavingExecDetector.class.getName(), "schema"), 30_000, 10_000);
        try (Detector d = load(dir)) {
            BadInputException e = assertThrows(BadInputException.class, () -> d.detect(frames(0)));
            // Field 7 of the answer schema is yaw (request_id, x, y, z, length, width, height, yaw).
            assertTrue(e.getMessage().startsWith("exec model example-exec: answer schema field 7: expected yaw: "
                    + "List<FloatingPoint(DOUBLE)>, got vx: List<FloatingPoint(DOUBLE)>"), e.getMessage());
            assertFalse(((ExecDetector) d).process().isAlive());
        }
    }

    @Test
    void anAnswerToAnUnknownRequestIsRefused() throws Exception {
        Path dir = model(tmp.resolve("m"), java(MisbehavingExecDetector.class.getName(), "wrong-id"), 30_000, 10_000);
        try (Detector d = load(dir)) {
            BadInputException e = assertThrows(BadInputException.class, () -> d.detect(frames(0)));
            assertTrue(e.getMessage().startsWith("exec model example-exec: answer carries request_id 101, expected 1"),
                    e.getMessage());
        }
    }

    @Test
    void aProcessThatNeverAnswersIsKilledWithItsChildren() throws Exception {
        Path dir = model(tmp.resolve("m"), java(MisbehavingExecDetector.class.getName(), "hang"), 8_000, 1_000);
        try (Detector d = load(dir)) {
            BadInputException e = assertThrows(BadInputException.class, () -> d.detect(frames(0)));
            assertTrue(e.getMessage().startsWith("exec model example-exec: no answer to request 1 within 8000 ms; "
                    + "stderr: "), e.getMessage());
            Matcher m = Pattern.compile("child pid (\\d+)").matcher(e.getMessage());
            assertTrue(m.find(), "the child JVM started and said so within 8 s: " + e.getMessage());
            long child = Long.parseLong(m.group(1));
            assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "child " + child + " killed");
            assertFalse(((ExecDetector) d).process().isAlive());
        }
    }

    @Test
    void aCommandThatCannotStartIsRefusedBeforeAnyFrame() throws Exception {
        Path dir = model(tmp.resolve("m"), List.of("/nonexistent/detector"), 1_000, 1_000);
        BadInputException e = assertThrows(BadInputException.class, () -> load(dir));
        assertTrue(e.getMessage().startsWith("exec model example-exec (" + dir + "): cannot start [/nonexistent/detector]"),
                e.getMessage());
    }
}
