package io.avreplay.scenario.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.log.StreamInfo;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SynthesizerTest extends ArrowTest {
    static java.util.List<String> presets() {
        return Presets.BUILT_IN;
    }

    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetGeneratesAValidLog(String name) {
        Path out = tmp.resolve(name);
        LogManifest m = Synthesizer.generate(Presets.load(name), 7, 1_000_000_000L, SynthOptions.defaults().withRates(10, 5),
                out, allocator);
        assertEquals(name, m.tags().get("synth.preset"));
        assertEquals("7", m.tags().get("synth.seed"));
        try (LogReader r = LogReader.open(out, allocator)) {
            assertTrue(r.verifyChecksums().isEmpty(), "checksums");
            assertTrue(r.calibration("lidar_top").isPresent());
            assertTrue(r.calibration("cam_front").isPresent());
            for (StreamInfo s : r.manifest().streams()) {
                FrameStream<?> fs = r.stream(s);
                assertTrue(fs.size() > 0, s.name());
                for (int i = 1; i < fs.size(); i++) {
                    assertTrue(fs.timestampNs(i) > fs.timestampNs(i - 1), s.name() + " strictly increasing at " + i);
                }
            }
            FrameStream<LidarSweep> lidar = r.lidar("lidar_top");
            assertEquals(11, lidar.size());
            for (int i = 0; i < lidar.size(); i++) {
                LidarSweep sw = lidar.read(i);
                assertTrue(sw.size() > 10_000, "points " + sw.size());
                for (int k = 0; k < sw.size(); k++) {
                    assertTrue(Float.isFinite(sw.x()[k]) && Float.isFinite(sw.y()[k]) && Float.isFinite(sw.z()[k])
                            && Float.isFinite(sw.intensity()[k]));
                }
            }
            for (EgoPose p : r.egoTrajectory().poses()) {
                assertTrue(p.egoToWorld().translation().isFinite() && p.velocity().isFinite());
            }
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            assertEquals(lidar.size(), gt.size());
            AnnotationFrame<GroundTruth3d> f = gt.read(5);
            assertFalse(f.boxes().isEmpty());
            for (GroundTruth3d a : f.boxes()) {
                assertTrue(a.box().centre().isFinite() && Double.isFinite(a.vx()) && Double.isFinite(a.vy()), a.trackId());
            }
            FrameStream<CameraFrame> cam = r.camera("cam_front");
            assertEquals(6, cam.size());
            CameraFrame c = cam.read(0);
            assertEquals(960, c.width());
            assertEquals((byte) 0xFF, c.data()[0]);
            assertEquals((byte) 0xD8, c.data()[1]);
            FrameStream<AnnotationFrame<GroundTruth2d>> gt2 = r.annotations2d("cam_front").orElseThrow();
            assertEquals(cam.size(), gt2.size());
        }
    }
}
