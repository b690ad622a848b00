package io.avreplay.replay.importer.nuscenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.RealData;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NuScenesTablesImportTest extends ArrowTest {
    static final long T0_NS = NuScenesTablesFixture.T0_US * 1000;

    @Test
    void oneSceneBecomesOneLogWithBoxesInTheEgoFrame() {
        Path src = new NuScenesTablesFixture(false).write(tmp.resolve("src"));
        Path out = tmp.resolve("log");
        ImportReport r = NuScenesImporter.importDataset(src, out, allocator, ImportOptions.defaults());
        assertEquals(List.of(out.toAbsolutePath()), r.logs());
        // 2 key-frame sweeps + 1 non-key sweep with a file + 2 CAM_FRONT images; the radar is not imported.
        assertEquals(5, r.frames());
        assertEquals(3, r.boxes3d());
        ImportCheck points = r.checks().get(0);
        assertEquals("num_lidar_pts", points.name());
        assertEquals(3, points.passed(), points.summary());
        assertEquals(3, points.total());
        assertTrue(points.satisfied());
        ImportCheck files = r.checks().get(1);
        assertEquals(5, files.passed(), files.summary());
        assertEquals(6, files.total());

        try (LogReader log = LogReader.open(out, allocator)) {
            assertEquals("scene-0001", log.manifest().logId());
            assertEquals(List.of(T0_NS, T0_NS + 250_000_000L, T0_NS + 500_000_000L),
                    List.of(log.lidar("LIDAR_TOP").timestampNs(0), log.lidar("LIDAR_TOP").timestampNs(1),
                            log.lidar("LIDAR_TOP").timestampNs(2)));
            assertEquals(5, log.lidar("LIDAR_TOP").read(0).size());
            assertEquals(3, log.lidar("LIDAR_TOP").read(0).ringOf(0));
            assertEquals(2, log.camera("CAM_FRONT").size());
            assertEquals(64, log.camera("CAM_FRONT").read(0).width());
            assertEquals(T0_NS + 10_000, log.camera("CAM_FRONT").timestampNs(0));
            SensorCalibration cam = log.calibration("CAM_FRONT").orElseThrow();
            CameraIntrinsics k = cam.intrinsics().orElseThrow();
            assertEquals(50, k.fx(), 1e-12);
            assertEquals(32, k.cx(), 1e-12);
            assertEquals(1.5, cam.sensorToEgo().translation().x(), 1e-12);
            assertEquals(1.8, log.calibration("LIDAR_TOP").orElseThrow().sensorToEgo().translation().z(), 1e-12);
            // An ego pose for every imported sample_data: 3 sweeps + 2 images (the skipped sweep and the radar have none).
            assertEquals(5, log.egoTrajectory().size());
            Map<String, String> tags = log.manifest().tags();
            assertEquals("sample-1", tags.get(NuScenesImporter.SAMPLE_TOKEN_TAG + T0_NS));
            assertEquals("sample-2", tags.get(NuScenesImporter.SAMPLE_TOKEN_TAG + (T0_NS + 500_000_000L)));
            assertEquals("v1.0-mini", tags.get("nuscenes.version"));

            assertEquals(2, log.annotations3d().orElseThrow().size());
            assertEquals(T0_NS, log.annotations3d().orElseThrow().timestampNs(0));
            List<GroundTruth3d> boxes = log.annotations3d().orElseThrow().read(0).boxes();
            GroundTruth3d car = boxes.get(0);
            // Global (100, 210, 1) yaw 120° seen from the ego at (100, 200, 0) facing +90°: 10 m ahead, yaw 30°.
            assertEquals(10, car.box().centre().x(), 1e-9);
            assertEquals(0, car.box().centre().y(), 1e-9);
            assertEquals(1, car.box().centre().z(), 1e-9);
            assertEquals(Math.PI / 6, car.box().yaw(), 1e-9);
            assertEquals(4, car.box().length(), 1e-12);
            assertEquals(2, car.box().width(), 1e-12);
            assertEquals(1.5, car.box().height(), 1e-12);
            assertEquals("car", car.category());
            assertEquals("inst-car", car.trackId());
            assertEquals("vehicle.moving", car.attribute());
            assertEquals(3, car.numPoints());
            // 1 m along global +x in 0.5 s = (2, 0) m/s global = (0, -2) m/s in the ego frame turned +90°.
            assertEquals(0, car.vx(), 1e-9);
            assertEquals(-2, car.vy(), 1e-9);
            GroundTruth3d animal = boxes.get(1);
            assertEquals("animal", animal.category());
            assertEquals("", animal.attribute());
            assertTrue(Double.isNaN(animal.vx()) && Double.isNaN(animal.vy()));
            GroundTruth3d car2 = log.annotations3d().orElseThrow().read(1).boxes().get(0);
            assertEquals(9, car2.box().centre().x(), 1e-9);
            assertEquals(-1, car2.box().centre().y(), 1e-9);
            assertEquals(-2, car2.vy(), 1e-9);
        }
    }

    @Test
    void severalScenesGoToOneLogEachNamedAfterTheScene() {
        Path src = new NuScenesTablesFixture(true).write(tmp.resolve("src"));
        Path out = tmp.resolve("logs");
        ImportReport r = NuScenesImporter.importDataset(src, out, allocator, ImportOptions.defaults());
        assertEquals(List.of(out.resolve("scene-0001").toAbsolutePath(), out.resolve("scene-0002").toAbsolutePath()),
                r.logs());
        try (LogReader log = LogReader.open(out.resolve("scene-0002"), allocator)) {
            assertEquals(1, log.lidar("LIDAR_TOP").size());
            assertEquals(List.of(), log.annotations3d().orElseThrow().read(0).boxes());
            assertEquals("sample-3", log.manifest().tags().get(NuScenesImporter.SAMPLE_TOKEN_TAG + (T0_NS + 20_000_000_000L)));
        }
    }

    @Test
    void theVersionDirectoryAsSourceAndAReimportGiveIdenticalFiles() {
        Path src = new NuScenesTablesFixture(false).write(tmp.resolve("src"));
        NuScenesImporter.importDataset(src, tmp.resolve("a"), allocator, ImportOptions.defaults());
        NuScenesImporter.importDataset(src.resolve(NuScenesTablesFixture.VERSION), tmp.resolve("b"), allocator,
                ImportOptions.defaults());
        assertEquals(RealData.hashes(tmp.resolve("a")), RealData.hashes(tmp.resolve("b")));
    }

    @Test
    void aTokenThatPointsNowhereNamesBothRecords() {
        NuScenesTablesFixture f = new NuScenesTablesFixture(true);
        f.record("sample_data", "sd-cam-2").put("ego_pose_token", "abc");
        assertRejected(f.write(tmp.resolve("src")),
                "ego_pose.json: no record with token 'abc' (referenced by sample_data 'sd-cam-2'.ego_pose_token)");
    }

    @Test
    void anInstanceWithoutItsCategoryIsRejected() {
        NuScenesTablesFixture f = new NuScenesTablesFixture(false);
        f.record("instance", "inst-animal").put("category_token", "nope");
        assertRejected(f.write(tmp.resolve("src")),
                "category.json: no record with token 'nope' (referenced by instance 'inst-animal'.category_token)");
    }

    @Test
    void aMissingTableIsRejected() throws IOException {
        Path src = new NuScenesTablesFixture(false).write(tmp.resolve("src"));
        Files.delete(src.resolve("v1.0-mini/instance.json"));
        assertRejected(src, "v1.0-mini/instance.json: missing table");
    }

    @Test
    void aPointFileOfWrongSizeIsRejected() throws IOException {
        Path src = new NuScenesTablesFixture(true).write(tmp.resolve("src"));
        Files.write(src.resolve("samples/LIDAR_TOP/c.pcd.bin"), new byte[] {0, 0, 0, 0}, StandardOpenOption.APPEND);
        assertRejected(src, "c.pcd.bin: size 24 bytes is not a multiple of the 20-byte point record");
    }

    @Test
    void malformedJsonIsRejectedWithLineAndColumn() throws IOException {
        Path src = new NuScenesTablesFixture(false).write(tmp.resolve("src"));
        Files.writeString(src.resolve("v1.0-mini/sensor.json"), "[\n  {\"token\": \"a\",\n   \"channel\" \"LIDAR_TOP\"}\n]");
        assertRejected(src, "v1.0-mini/sensor.json: not valid JSON at line 3, column");
    }

    @Test
    void aFieldOfTheWrongTypeNamesTheRecordAndField() {
        NuScenesTablesFixture f = new NuScenesTablesFixture(false);
        f.record("sample_data", "sd-lidar-2").put("timestamp", "soon");
        assertRejected(f.write(tmp.resolve("src")),
                "sample_data.json: record 'sd-lidar-2'.timestamp: expected a whole number, got \"soon\"");
    }

    @Test
    void aMissingKeyFrameFileIsRejected() throws IOException {
        Path src = new NuScenesTablesFixture(false).write(tmp.resolve("src"));
        Files.delete(src.resolve("samples/CAM_FRONT/b.jpg"));
        assertRejected(src, "sample_data.json: record 'sd-cam-2'.filename: key frame ");
    }

    private void assertRejected(Path src, String expected) {
        Path out = tmp.resolve("out");
        BadInputException e = assertThrows(BadInputException.class,
                () -> NuScenesImporter.importDataset(src, out, allocator, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of("src"), RealData.entries(tmp));
    }
}
