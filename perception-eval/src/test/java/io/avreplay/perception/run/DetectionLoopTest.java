package io.avreplay.perception.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.arrow.TestLogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DetectionLoopTest extends ArrowTest {
    private record Heard(List<DetectionLoop.SweepResult> sweeps, List<DetectionLoop.ImageResult> images) {
    }

    private Heard run(RunOptions options, ScriptedDetector lidar, ScriptedDetector camera) {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        Heard heard = new Heard(new ArrayList<>(), new ArrayList<>());
        try (LogReader reader = LogReader.open(log, allocator);
             DetectionLoop loop = new DetectionLoop(lidar, Optional.of(camera), options, allocator)) {
            loop.run(reader, new DetectionLoop.Listener() {
                @Override
                public void sweep(DetectionLoop.SweepResult r) {
                    heard.sweeps().add(r);
                }

                @Override
                public void image(DetectionLoop.ImageResult r) {
                    heard.images().add(r);
                }
            });
            assertEquals(heard.sweeps().size(), loop.totals().sweeps());
            assertEquals(heard.images().size(), loop.totals().cameraFrames());
        }
        return heard;
    }

    @Test
    void everySweepArrivesInOrderWithTheGroundTruthAndPoseItsFrameSetCarries() {
        ScriptedDetector lidar = ScriptedDetector.lidar();
        Heard h = run(new RunOptions(RunOptions.CameraRate.SYNCED, 4, ""), lidar, ScriptedDetector.camera());
        // 10 sweeps in batches of 4: 4 + 4 + 2
        assertEquals(List.of(4, 4, 2), lidar.batchSizes);
        assertEquals(10, h.sweeps().size());
        for (int i = 0; i < 10; i++) {
            DetectionLoop.SweepResult r = h.sweeps().get(i);
            assertEquals(TestLogs.T0 + i * TestLogs.LIDAR_PERIOD_NS, r.timestampNs());
            // the fixture's car and pedestrian annotated at exactly this sweep, ego frame
            assertEquals(TestLogs.boxes(i).stream().map(b -> b.box().centre()).toList(),
                    r.frameSet().groundTruth3d().stream().map(b -> b.box().centre()).toList());
            // the fixture drives at 10 m/s along world x from x = 0: at sweep i (0.1 i s) the ego is at x = i m
            assertEquals(i, r.egoToWorld().translation().x(), 1e-9);
            // and the detector was handed that same pose with the sweep
            assertEquals(i, lidar.seen.get(i).egoPose().orElseThrow().egoToWorld().translation().x(), 1e-9);
            assertEquals(1, r.detections().size());
        }
    }

    @Test
    void syncedCameraFramesArriveWithTheirIndexAndGroundTruth() {
        Heard h = run(new RunOptions(RunOptions.CameraRate.SYNCED, 4, ""), ScriptedDetector.lidar(),
                ScriptedDetector.camera());
        // camera at 20 Hz, lidar at 10 Hz: sweep i syncs with camera frame 2i, whose ground-truth box starts at
        // x1 = 100 + 2i
        assertEquals(10, h.images().size());
        for (int i = 0; i < 10; i++) {
            DetectionLoop.ImageResult r = h.images().get(i);
            assertEquals(2 * i, r.frameIndex());
            assertEquals(100 + 2 * i, r.groundTruth().get(0).box().x1());
            assertEquals(100 + 2 * i, r.detections().get(0).box().x1());
        }
    }

    @Test
    void fullCameraRateDetectsEveryFrameOfTheCamera() {
        Heard h = run(new RunOptions(RunOptions.CameraRate.FULL, 3, "cam_front"), ScriptedDetector.lidar(),
                ScriptedDetector.camera());
        // frames every 50 ms from T0 to the last sweep at T0 + 0.9 s: 0.9 / 0.05 + 1 = 19
        assertEquals(19, h.images().size());
        for (int k = 0; k < 19; k++) {
            assertEquals(k, h.images().get(k).frameIndex());
        }
        assertEquals(10, h.sweeps().size());
        assertTrue(h.images().stream().allMatch(r -> r.groundTruth().size() == 1));
    }
}
