package io.avreplay.replay.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.SensorKind;
import io.avreplay.replay.log.StreamKind;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LogRoundTripTest extends ArrowTest {
    @ParameterizedTest
    @EnumSource(Compression.class)
    void everyStreamReadsBackExactly(Compression compression) throws Exception {
        Path dir = tmp.resolve("log");
        LogManifest written = TestLogs.write(dir, allocator,
                TestLogs.Spec.small().withOptions(WriteOptions.defaults().withCompression(compression)));
        assertEquals(compression.id(), written.compression());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(dir), s.toList(), "only the committed log remains, no temporary directory");
        }
        try (LogReader r = LogReader.open(dir, allocator)) {
            LogManifest m = r.manifest();
            assertEquals(written, m);
            assertEquals(TestLogs.T0, m.startNs());
            assertEquals(TestLogs.T0 + 9 * TestLogs.LIDAR_PERIOD_NS, m.endNs());
            assertEquals(10, m.stream(StreamKind.LIDAR, "lidar_top").orElseThrow().count());
            assertEquals(19, m.stream(StreamKind.CAMERA, "cam_front").orElseThrow().count());
            assertEquals(91, m.stream(StreamKind.EGO_POSE, "ego").orElseThrow().count());

            FrameStream<LidarSweep> lidar = r.lidar("lidar_top");
            for (int i = 0; i < lidar.size(); i++) {
                LidarSweep got = lidar.read(i);
                LidarSweep want = TestLogs.sweep("lidar_top", TestLogs.T0 + i * TestLogs.LIDAR_PERIOD_NS, i, 500);
                assertEquals(want.timestampNs(), got.timestampNs());
                TestLogs.assertSamePoints(want, got);
                lidar.verify(i);
            }
            FrameStream<CameraFrame> cam = r.camera("cam_front");
            CameraFrame f7 = cam.read(7);
            assertArrayEquals(TestLogs.imageBytes(7), f7.data());
            assertEquals(TestLogs.T0 + 7 * TestLogs.CAMERA_PERIOD_NS, f7.timestampNs());
            assertEquals(640, f7.width());

            AnnotationFrame<GroundTruth3d> gt = r.annotations3d().orElseThrow().read(3);
            assertEquals(TestLogs.boxes(3), gt.boxes(), "records compare NaN velocities as equal");
            assertTrue(Double.isNaN(gt.boxes().get(1).vx()), "unknown velocity survives as NaN");
            AnnotationFrame<GroundTruth2d> gt2 = r.annotations2d("cam_front").orElseThrow().read(2);
            assertEquals(102, gt2.boxes().get(0).box().x1());

            assertEquals(2, r.calibrations().size());
            assertEquals(SensorKind.CAMERA, r.calibration("cam_front").orElseThrow().kind());
            assertEquals(500, r.calibration("cam_front").orElseThrow().intrinsics().orElseThrow().fx());
            assertEquals(1.8, r.calibration("lidar_top").orElseThrow().sensorToEgo().translation().z(), 1e-12);

            EgoPose mid = r.egoTrajectory().at(TestLogs.T0 + 5_000_000L);
            assertEquals(0.05, mid.egoToWorld().translation().x(), 1e-9, "linear interpolation between poses");
            assertTrue(r.verifyChecksums().isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    void timeLookupIsByBinarySearch() {
        Path dir = tmp.resolve("log");
        TestLogs.write(dir, allocator, TestLogs.Spec.small());
        try (LogReader r = LogReader.open(dir, allocator)) {
            FrameStream<LidarSweep> lidar = r.lidar("lidar_top");
            long t3 = TestLogs.T0 + 3 * TestLogs.LIDAR_PERIOD_NS;
            assertEquals(3, lidar.ceilIndex(t3));
            assertEquals(4, lidar.ceilIndex(t3 + 1));
            assertEquals(3, lidar.floorIndex(t3 + 1));
            assertEquals(-1, lidar.floorIndex(TestLogs.T0 - 1));
            assertEquals(10, lidar.ceilIndex(Long.MAX_VALUE));
            assertEquals(9, lidar.floorIndex(Long.MAX_VALUE));
            assertEquals(3, lidar.nearestIndex(t3 + 40_000_000L));
            assertEquals(4, lidar.nearestIndex(t3 + 60_000_000L));
            assertEquals(3, lidar.nearestIndex(t3 + 50_000_000L), "ties go to the earlier frame");
            assertFalse(r.annotations2d("nope").isPresent());
        }
    }
}
