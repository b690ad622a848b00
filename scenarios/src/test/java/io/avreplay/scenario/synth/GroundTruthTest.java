package io.avreplay.scenario.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Checks the ground truth of a synthesized log against its own sensor data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroundTruthTest {
    @TempDir
    static Path tmp;
    Path log;
    BufferAllocator allocator;

    @BeforeAll
    void synthesize() {
        log = tmp.resolve("urban");
        try (RootAllocator a = new RootAllocator()) {
            Synthesizer.generate(Presets.load("urban-intersection"), 11, 1_500_000_000L,
                    SynthOptions.defaults().withRates(10, 10), log, a);
        }
    }

    @BeforeEach
    void open() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void close() {
        allocator.close();
    }

    @Test
    void numLidarPointsEqualsABruteForceRecount() {
        try (LogReader r = LogReader.open(log, allocator)) {
            Pose mount = r.calibration("lidar_top").orElseThrow().sensorToEgo();
            FrameStream<LidarSweep> sweeps = r.lidar("lidar_top");
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            int withPoints = 0;
            for (int i = 0; i < sweeps.size(); i += 3) {
                LidarSweep sw = sweeps.read(i);
                AnnotationFrame<GroundTruth3d> f = gt.read(gt.nearestIndex(sw.timestampNs()));
                assertEquals(sw.timestampNs(), f.timestampNs());
                for (GroundTruth3d a : f.boxes()) {
                    int n = 0;
                    for (int k = 0; k < sw.size(); k++) {
                        Vec3 p = mount.apply(new Vec3(sw.x()[k], sw.y()[k], sw.z()[k]));
                        if (a.box().contains(p.x(), p.y(), p.z())) {
                            n++;
                        }
                    }
                    assertEquals(n, a.numPoints(), a.trackId() + " in sweep " + i);
                    withPoints += n > 0 ? 1 : 0;
                }
            }
            assertTrue(withPoints > 10, "objects with points: " + withPoints);
        }
    }

    @Test
    void unoccludedObjectsProjectOntoTheir2dBoxes() {
        try (LogReader r = LogReader.open(log, allocator)) {
            SensorCalibration cam = r.calibration("cam_front").orElseThrow();
            Pose egoToCam = cam.sensorToEgo().inverse();
            CameraIntrinsics k = cam.intrinsics().orElseThrow();
            FrameStream<AnnotationFrame<GroundTruth3d>> gt3 = r.annotations3d().orElseThrow();
            FrameStream<AnnotationFrame<GroundTruth2d>> gt2 = r.annotations2d("cam_front").orElseThrow();
            int compared = 0;
            for (int i = 0; i < gt2.size(); i++) {
                AnnotationFrame<GroundTruth2d> f2 = gt2.read(i);
                int j = gt3.nearestIndex(f2.timestampNs());
                if (gt3.timestampNs(j) != f2.timestampNs()) {
                    continue;
                }
                Map<String, GroundTruth3d> by = gt3.read(j).boxes().stream()
                        .collect(Collectors.toMap(GroundTruth3d::trackId, Function.identity()));
                for (GroundTruth2d b : f2.boxes()) {
                    // 2D boxes also exist for visible objects beyond the 3D annotation range
                    if (b.occlusion() != 0 || b.truncation() > 0 || b.box().x2() - b.box().x1() < 8 || !by.containsKey(b.trackId())) {
                        continue;
                    }
                    double[] p = project(by.get(b.trackId()), egoToCam, k);
                    double iou = iou(p, b);
                    assertTrue(iou > 0.8, b.trackId() + " " + b.category() + " iou " + iou + " projected "
                            + java.util.Arrays.toString(p) + " vs " + b);
                    compared++;
                }
            }
            assertTrue(compared >= 5, "unoccluded boxes compared: " + compared);
        }
    }

    static double[] project(GroundTruth3d a, Pose egoToCam, CameraIntrinsics k) {
        double[] r = {1e9, 1e9, -1e9, -1e9};
        for (Vec3 c : a.box().corners()) {
            Vec3 p = egoToCam.apply(c);
            double[] uv = k.project(p.x(), p.y(), p.z());
            r[0] = Math.min(r[0], uv[0]);
            r[1] = Math.min(r[1], uv[1]);
            r[2] = Math.max(r[2], uv[0]);
            r[3] = Math.max(r[3], uv[1]);
        }
        return r;
    }

    static double iou(double[] p, GroundTruth2d b) {
        double iw = Math.max(0, Math.min(p[2], b.box().x2()) - Math.max(p[0], b.box().x1()));
        double ih = Math.max(0, Math.min(p[3], b.box().y2()) - Math.max(p[1], b.box().y1()));
        double inter = iw * ih;
        double union = (p[2] - p[0]) * (p[3] - p[1]) + (b.box().x2() - b.box().x1()) * (b.box().y2() - b.box().y1()) - inter;
        return inter / union;
    }

    @Test
    void attributesAndCategoriesAreFromTheVocabulary() {
        List<String> cats = List.of("car", "truck", "bus", "pedestrian", "bicycle", "motorcycle", "traffic_cone",
                "barrier", "pothole");
        List<String> attrs = List.of("", "vehicle.moving", "vehicle.stopped", "vehicle.parked", "pedestrian.standing",
                "pedestrian.moving", "cycle.with_rider", "cycle.without_rider");
        try (LogReader r = LogReader.open(log, allocator)) {
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            for (GroundTruth3d a : gt.read(gt.size() - 1).boxes()) {
                assertTrue(cats.contains(a.category()), a.category());
                assertTrue(attrs.contains(a.attribute()), a.attribute());
            }
        }
    }
}
