package io.avreplay.scenario.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.LogManifest;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Scenario-level behaviour: events, occlusion by walls, determinism. */
class SynthScenarioTest extends ArrowTest {
    @Test
    void sameSeedGivesByteIdenticalArrowFilesAndAnotherSeedDoesNot() throws Exception {
        SynthOptions o = SynthOptions.defaults().withRates(10, 5);
        Preset p = Presets.load("night-rain");
        Synthesizer.generate(p, 42, 600_000_000L, o, tmp.resolve("a"), allocator);
        Synthesizer.generate(p, 42, 600_000_000L, o, tmp.resolve("b"), allocator);
        Synthesizer.generate(p, 43, 600_000_000L, o, tmp.resolve("c"), allocator);
        TreeMap<String, String> a = hashes(tmp.resolve("a"));
        assertTrue(a.size() >= 6, a.toString());
        assertEquals(a, hashes(tmp.resolve("b")));
        assertNotEquals(a.get("lidar/lidar_top.arrow"), hashes(tmp.resolve("c")).get("lidar/lidar_top.arrow"));
    }

    static TreeMap<String, String> hashes(Path dir) throws IOException, java.security.NoSuchAlgorithmException {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".arrow")).toList()) {
                out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    @Test
    void cutInEndsWithTheVehicleAheadInTheEgoLane() {
        LogManifest m = Synthesizer.generate(Presets.load("cut-in"), 1, 6_000_000_000L,
                SynthOptions.defaults().withRates(10, 0), tmp.resolve("cut"), allocator);
        List<SynthEvent> events = SynthEvent.fromManifest(m);
        SynthEvent cut = events.stream().filter(e -> e.type().equals(SynthEvent.CUT_IN)).findFirst().orElseThrow();
        try (LogReader r = LogReader.open(tmp.resolve("cut"), allocator)) {
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            GroundTruth3d before = track(gt.read(gt.floorIndex(cut.startNs())), cut.trackId());
            GroundTruth3d after = track(gt.read(gt.ceilIndex(cut.endNs())), cut.trackId());
            assertTrue(before.box().centre().y() > 2.5, "starts in the left lane: " + before.box().centre());
            assertTrue(Math.abs(after.box().centre().y()) < 0.6, "ends in the ego lane: " + after.box().centre());
            assertTrue(after.box().centre().x() > 3 && after.box().centre().x() < 40, "ahead: " + after.box().centre());
            // the ego reacts: it brakes after the cut-in
            double vStart = r.egoTrajectory().at(cut.startNs()).velocity().norm();
            double vLater = r.egoTrajectory().at(Math.min(m.endNs(), cut.endNs() + 1_500_000_000L)).velocity().norm();
            assertTrue(vLater < vStart, "ego slows from " + vStart + " to " + vLater);
        }
    }

    @Test
    void crossingPedestrianWalksAcrossTheEgoPathAhead() {
        LogManifest m = Synthesizer.generate(Presets.load("pedestrian-crossing"), 1, 6_000_000_000L,
                SynthOptions.defaults().withRates(10, 0), tmp.resolve("ped"), allocator);
        SynthEvent ev = SynthEvent.fromManifest(m).stream()
                .filter(e -> e.type().equals(SynthEvent.PEDESTRIAN_CROSSING)).findFirst().orElseThrow();
        try (LogReader r = LogReader.open(tmp.resolve("ped"), allocator)) {
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            boolean inPath = false;
            for (int i = gt.ceilIndex(ev.startNs()); i <= gt.floorIndex(ev.endNs()); i++) {
                GroundTruth3d p = track(gt.read(i), ev.trackId());
                assertEquals("pedestrian", p.category());
                assertTrue(p.box().centre().x() > 0, "ahead of the ego");
                inPath |= Math.abs(p.box().centre().y()) < 1.0 && p.attribute().equals("pedestrian.moving");
            }
            assertTrue(inPath, "the pedestrian crosses the ego's path");
        }
    }

    static GroundTruth3d track(AnnotationFrame<GroundTruth3d> f, String id) {
        return f.boxes().stream().filter(a -> a.trackId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " missing at " + f.timestampNs()));
    }

    @Test
    void carBehindAWallHasNoPointsAndNo2dBoxButStaysIn3dTruth() {
        Preset base = Presets.load("pothole-road");
        Preset.Road road = new Preset.Road(2, 3.5, 0, 3.5, false, 0, List.of(), false,
                List.of(new Preset.Wall(60, -13, 0, 200, 0.4, 6)));
        Preset p = new Preset("walled", "a car hidden behind a wall", road, base.ego(), List.of(),
                new Preset.Pedestrians(0, 1, 1, 0), List.of(), List.of(), List.of(),
                List.of(new Preset.StaticObject("car", 30, -17, 0), new Preset.StaticObject("barrier", 30, -9, 0)),
                new Preset.Potholes(0, 0, 1, 0.3, 0.3, 0.05, 0.05), base.environment());
        Synthesizer.generate(p, 1, 1_000_000_000L, SynthOptions.defaults().withRates(10, 10), tmp.resolve("w"), allocator);
        try (LogReader r = LogReader.open(tmp.resolve("w"), allocator)) {
            FrameStream<AnnotationFrame<GroundTruth3d>> gt = r.annotations3d().orElseThrow();
            FrameStream<AnnotationFrame<GroundTruth2d>> gt2 = r.annotations2d("cam_front").orElseThrow();
            for (int i = 0; i < gt.size(); i++) {
                List<GroundTruth3d> boxes = gt.read(i).boxes();
                assertEquals(2, boxes.size());
                GroundTruth3d car = boxes.stream().filter(a -> a.category().equals("car")).findFirst().orElseThrow();
                assertEquals(0, car.numPoints());
                assertEquals("vehicle.parked", car.attribute());
                GroundTruth3d barrier = boxes.stream().filter(a -> a.category().equals("barrier")).findFirst().orElseThrow();
                assertTrue(barrier.numPoints() > 0, "barrier points in sweep " + i + ": " + barrier);
            }
            boolean sawBarrier = false;
            for (int i = 0; i < gt2.size(); i++) {
                for (GroundTruth2d b : gt2.read(i).boxes()) {
                    assertFalse(b.category().equals("car"), "hidden car has a 2D box at frame " + i);
                    sawBarrier |= b.category().equals("barrier");
                }
            }
            assertTrue(sawBarrier);
        }
    }
}
