package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bag written by the reference implementations, not by us: {@code tools/mcap-check/write-bag.mjs}
 * (the MCAP container by {@code @mcap/core} 2.2.2, CDR by {@code @foxglove/rosmsg2-serialization} 3.1.0),
 * committed as {@code mcap/mcap-core-drive.mcap}. Five ticks k = 0..4 at T0 + 100 ms k: /tf map → base_link
 * at (2k, 0, 0); at +5 ms a 3-point cloud in velodyne (point j = (j + k, −j, j/2), intensity 10 j as uint8,
 * ring j as uint16, 16-byte stride), a 3×2 PNG with CameraInfo (f = 200 px, c = (1.5, 1)), one pedestrian
 * "ped1" at (5, 1, 0.9) yaw 0.2 size 0.6 × 0.5 × 1.8 in base_link (vision_msgs), and a std_msgs/String on
 * /chatter. /tf_static: velodyne at (1.5, 0, 1.8) yaw π/2, camera at (2, 0, 1.4).
 */
class McapCoreFixtureTest extends ArrowTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private Path fixture() throws Exception {
        Path f = tmp.resolve("mcap-core-drive.mcap");
        try (var in = getClass().getResourceAsStream("/mcap/mcap-core-drive.mcap")) {
            Files.copy(in, f);
        }
        return f;
    }

    @Test
    void bagWrittenByTheReferenceLibrariesImportsAsWritten() throws Exception {
        McapImportResult r = McapImporter.importBag(fixture(), tmp.resolve("log"), TopicMap.defaults(), allocator,
                ImportOptions.defaults());
        assertEquals(List.of(), r.losses());
        assertEquals(List.of("skipped topics: {/chatter=std_msgs/msg/String, 5 msgs}"), r.warnings());
        assertEquals(10, r.report().frames());
        assertEquals(5, r.report().boxes3d());
        try (LogReader log = LogReader.open(tmp.resolve("log"), allocator)) {
            assertEquals(List.of(), LogValidator.validate(log));
            LidarSweep s = log.lidar("lidar").read(3);
            assertEquals(T0 + 305 * MS, s.timestampNs());
            assertEquals(5f, s.x()[2]); // j + k = 2 + 3
            assertEquals(-2f, s.y()[2]);
            assertEquals(1f, s.z()[2]);
            assertEquals(20f, s.intensity()[2]);
            assertEquals(2, s.ringOf(2));
            Pose velodyne = log.calibration("lidar").orElseThrow().sensorToEgo();
            assertEquals(1.8, velodyne.translation().z(), 1e-12);
            assertEquals(Math.PI / 2, velodyne.rotation().yaw(), 1e-12);
            CameraIntrinsics k = log.calibration("camera").orElseThrow().intrinsics().orElseThrow();
            assertEquals(200, k.fx());
            assertEquals(1.5, k.cx());
            assertEquals("none", k.distortionModel());
            assertEquals(3, log.camera("camera").read(0).width());
            assertEquals(8.0, log.egoTrajectory().poses().get(4).egoToWorld().translation().x(), 1e-12);
            GroundTruth3d ped = log.annotations3d().orElseThrow().read(2).boxes().get(0);
            assertEquals("ped1", ped.trackId());
            assertEquals("pedestrian", ped.category());
            assertEquals(0.2, ped.box().yaw(), 1e-12);
            assertEquals(0.5, ped.box().width(), 1e-12);
        }
    }

    @Test
    void truncatedReferenceBagKeepsItsCompleteMessages() throws Exception {
        byte[] all = Files.readAllBytes(fixture());
        Path cut = tmp.resolve("cut.mcap");
        // the summary repeats the seven schemas, so the data section is about the first 40% of the file
        Files.write(cut, Arrays.copyOf(all, all.length / 5));
        McapImportResult r = McapImporter.importBag(cut, tmp.resolve("log"), TopicMap.defaults(), allocator,
                ImportOptions.defaults());
        assertEquals(1, r.losses().size());
        assertTrue(r.losses().get(0).reason().startsWith("truncated"), r.losses().get(0).reason());
        assertTrue(r.report().frames() >= 1 && r.report().frames() < 10, "frames " + r.report().frames());
        // cut inside the summary: every message is there, the missing footer is still reported
        Path noFooter = tmp.resolve("nofooter.mcap");
        Files.write(noFooter, Arrays.copyOf(all, all.length - 40));
        McapImportResult s = McapImporter.importBag(noFooter, tmp.resolve("log2"), TopicMap.defaults(), allocator,
                ImportOptions.defaults());
        assertEquals(10, s.report().frames());
        assertEquals(1, s.losses().size());
        assertTrue(s.losses().get(0).reason().contains("without a footer"), s.losses().get(0).reason());
    }
}
