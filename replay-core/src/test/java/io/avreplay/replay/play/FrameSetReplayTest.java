package io.avreplay.replay.play;

import static io.avreplay.replay.arrow.TestLogs.LIDAR_PERIOD_NS;
import static io.avreplay.replay.arrow.TestLogs.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.InvalidConfigException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.TestLogs;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.sync.CameraMatch;
import io.avreplay.replay.sync.FrameSet;
import io.avreplay.replay.sync.SyncOptions;
import io.avreplay.replay.sync.SyncPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameSetReplayTest extends ArrowTest {
    private static final long MS = 1_000_000L;

    private List<FrameSet> sets(Path log, List<String> sensors, SyncOptions options) {
        List<FrameSet> out = new ArrayList<>();
        try (Replay r = Replay.builder(allocator).log(log).sensors(sensors).build()) {
            ReplaySummary s = r.playFrameSets(options, out::add);
            assertEquals(out.size(), s.items());
        }
        return out;
    }

    @Test
    void eachSweepGetsTheCameraPoseAndGroundTruthOfItsTime() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        List<FrameSet> sets = sets(log, List.of(), SyncOptions.defaults());
        assertEquals(10, sets.size(), "one set per sweep of the default reference, the first lidar");
        FrameSet s5 = sets.get(5);
        long t5 = T0 + 5 * LIDAR_PERIOD_NS;
        assertEquals("lidar_top", s5.reference().sensorId());
        assertEquals(t5, s5.timestampNs());
        assertEquals(500, ((LidarSweep) s5.frame()).size());
        CameraMatch cam = s5.camera("cam_front").orElseThrow();
        assertEquals(t5, cam.ref().timestampNs(), "the 20 Hz camera has a frame at every sweep time");
        assertEquals(10, cam.ref().index());
        assertEquals(0, cam.offsetNs());
        assertEquals(1, cam.groundTruth2d().size());
        assertTrue(s5.missingCameras().isEmpty());
        assertEquals(TestLogs.boxes(5), s5.groundTruth3d());
        assertEquals(5.0, s5.egoPose().orElseThrow().egoToWorld().translation().x(), 1e-9, "10 m/s for 0.5 s");
    }

    @Test
    void nearestPolicyTakesTheClosestFrameWithinTheTolerance() {
        Path log = PlayLogs.write(tmp.resolve("log"), allocator, "l", T0, 5, "lidar_top", List.of("cam_b", "cam_a"),
                30 * MS);
        List<FrameSet> sets = sets(log, List.of(), SyncOptions.defaults());
        assertEquals(5, sets.size());
        for (FrameSet s : sets) {
            assertEquals(List.of("cam_a", "cam_b"), s.cameras().stream().map(CameraMatch::sensorId).toList(),
                    "cameras sorted by id");
            assertEquals(30 * MS, s.cameras().get(0).offsetNs());
        }
        List<FrameSet> tight = sets(log, List.of(), SyncOptions.defaults().withToleranceNs(10 * MS));
        assertTrue(tight.stream().allMatch(s -> s.cameras().isEmpty()));
        assertEquals(List.of("cam_a", "cam_b"), tight.get(0).missingCameras());
    }

    @Test
    void latestBeforePolicyNeverLooksAhead() {
        Path log = PlayLogs.write(tmp.resolve("log"), allocator, "l", T0, 5, "lidar_top", List.of("cam_a"), 30 * MS);
        SyncOptions causal = SyncOptions.defaults().withPolicy(SyncPolicy.LATEST_BEFORE);
        // The previous image is 70 ms old: outside the default 50 ms, inside 80 ms.
        assertTrue(sets(log, List.of(), causal).stream().allMatch(s -> s.missingCameras().equals(List.of("cam_a"))));
        List<FrameSet> wide = sets(log, List.of(), causal.withToleranceNs(80 * MS));
        assertEquals(List.of("cam_a"), wide.get(0).missingCameras(), "no image precedes the first sweep");
        for (FrameSet s : wide.subList(1, 5)) {
            assertEquals(-70 * MS, s.camera("cam_a").orElseThrow().offsetNs());
            assertEquals(s.reference().index() - 1, s.camera("cam_a").orElseThrow().ref().index());
        }
    }

    @Test
    void egoPoseIsInterpolatedAtTheReferenceTime() {
        // Camera as reference, 35 ms after each sweep: between poses recorded every 10 ms.
        Path log = PlayLogs.write(tmp.resolve("log"), allocator, "l", T0, 5, "lidar_top", List.of("cam_a"), 35 * MS);
        List<FrameSet> sets = sets(log, List.of(), SyncOptions.defaults().withReference("cam_a"));
        assertEquals(5, sets.size());
        EgoPose p = sets.get(1).egoPose().orElseThrow();
        double s = 0.135; // seconds since the first pose
        assertEquals(10 * s, p.egoToWorld().translation().x(), 1e-9, "linear in translation");
        double yaw = 2 * Math.atan2(p.egoToWorld().rotation().z(), p.egoToWorld().rotation().w());
        assertEquals(0.1 * s, yaw, 1e-9, "slerp in rotation: yaw rate 0.1 rad/s");
        assertTrue(sets.get(1).cameras().isEmpty(), "the reference camera is not matched with itself");
    }

    @Test
    void syncNeedsASelectedReference() {
        Path log = tmp.resolve("log");
        TestLogs.write(log, allocator, TestLogs.Spec.small());
        try (Replay r = Replay.builder(allocator).log(log).sensors(List.of("cam_front")).build()) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> r.frameSets(SyncOptions.defaults()));
            assertTrue(e.getMessage().contains("select a lidar"), e.getMessage());
            InvalidConfigException ref = assertThrows(InvalidConfigException.class,
                    () -> r.frameSets(SyncOptions.defaults().withReference("lidar_top")));
            assertTrue(ref.getMessage().contains("'lidar_top' is not among the replayed streams (cam_front)"),
                    ref.getMessage());
        }
    }

    @Test
    void aCorruptCameraFrameIsSkippedAndReportedMissing() throws Exception {
        Path log = PlayLogs.write(tmp.resolve("log"), allocator, "l", T0, 5, "lidar_top", List.of("cam_a"), 0);
        PlayLogs.flipByte(log.resolve("camera/cam_a.arrow"), 0.5);
        List<FrameSet> got = new ArrayList<>();
        try (Replay r = Replay.builder(allocator).log(log).skipCorrupt(true).build()) {
            ReplaySummary s = r.playFrameSets(SyncOptions.defaults(), got::add);
            assertEquals(5, got.size());
            assertEquals(1, s.totalSkipped());
            int bad = s.skipped().get(0).ref().index();
            assertEquals(List.of("cam_a"), got.get(bad).missingCameras());
            assertEquals(5L, s.framesPerStream().get("lidar_top"));
            assertEquals(4L, s.framesPerStream().get("cam_a"));
        }
    }
}
