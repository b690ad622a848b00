package io.avreplay.replay.importer.kitti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.FrameStream;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.importer.ImportCheck;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.ImportReport;
import io.avreplay.replay.importer.RealData;
import io.avreplay.replay.log.AnnotationFrame;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.object.GroundTruth2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KittiImporterTest extends ArrowTest {
    static final Path SAMPLE = RealData.sample("kitti-object-3frames");

    @Test
    void importsTheSampleIntoOneLogPerCalibrationAndPassesTheProjectionCheck() {
        Path out = tmp.resolve("kitti");
        ImportReport r = KittiImporter.importDataset(SAMPLE, out, allocator, ImportOptions.defaults());

        // 000000 has its own calibration; 000001 and 000002 share one.
        assertEquals(List.of(out.resolve("kitti-000000-000000"), out.resolve("kitti-000001-000002")), r.logs());
        assertEquals(6, r.frames());
        assertEquals(6, r.boxes3d());
        ImportCheck check = r.checks().get(0);
        assertEquals(6, check.total(), check.summary());
        assertEquals(6, check.passed(), check.summary());
        assertTrue(check.satisfied());

        try (LogReader log = LogReader.open(r.logs().get(1), allocator)) {
            FrameStream<LidarSweep> lidar = log.lidar(KittiImporter.LIDAR);
            assertEquals(2, lidar.size());
            assertEquals(120_268, lidar.read(0).size());
            assertEquals(100_000_000L, lidar.timestampNs(0));
            FrameStream<CameraFrame> cam = log.camera(KittiImporter.CAMERA);
            assertEquals(1242, cam.read(0).width());
            assertEquals(375, cam.read(0).height());
            FrameStream<AnnotationFrame<GroundTruth3d>> a3 = log.annotations3d().orElseThrow();
            List<GroundTruth3d> boxes = a3.read(0).boxes();
            assertEquals(List.of("truck", "car", "cyclist"), boxes.stream().map(GroundTruth3d::category).toList());
            // Truck: rotation_y -1.56 in the camera frame is a yaw of about -ry - pi/2 = -0.01 in the Velodyne frame,
            // centre ~69.7 m ahead (camera z 69.44 plus the Velodyne-camera offset).
            GroundTruth3d truck = boxes.get(0);
            assertEquals(12.34, truck.box().length(), 1e-9);
            assertEquals(-0.01, truck.box().yaw(), 0.02);
            assertEquals(69.7, truck.box().centre().x(), 0.3);
            List<GroundTruth2d> b2 = log.annotations2d(KittiImporter.CAMERA).orElseThrow().read(0).boxes();
            assertEquals(7, b2.size());
            assertEquals(4, b2.stream().filter(b -> b.category().equals("dontcare") && b.trackId().isEmpty()).count());
            assertEquals(3, b2.get(3).occlusion());
            assertTrue(log.calibration(KittiImporter.RECT_CAMERA).isPresent());
        }
    }

    @Test
    void importingTwiceGivesIdenticalFiles() {
        ImportReport a = KittiImporter.importDataset(SAMPLE, tmp.resolve("a"), allocator, ImportOptions.defaults());
        ImportReport b = KittiImporter.importDataset(SAMPLE, tmp.resolve("b"), allocator, ImportOptions.defaults());
        assertEquals(2, a.logs().size());
        assertEquals(RealData.hashes(tmp.resolve("a")), RealData.hashes(tmp.resolve("b")));
        assertEquals(b.logs().size(), a.logs().size());
    }

    @Test
    void anInterruptedImportLeavesNothingBehind() {
        Path out = tmp.resolve("out");
        ImportOptions interrupting = ImportOptions.defaults().withProgress((stage, done, total) -> {
            if (stage.endsWith("000002") && done == 1) {
                throw new IllegalStateException("interrupted");
            }
        });
        assertThrows(IllegalStateException.class, () -> KittiImporter.importDataset(SAMPLE, out, allocator, interrupting));
        assertFalse(Files.exists(out));
        assertEquals(List.of(), RealData.entries(tmp));
    }

    @Test
    void aLabelLineWith14FieldsIsRejectedNamingFileAndLine() throws IOException {
        Path src = RealData.copyTree(SAMPLE.resolve("training"), tmp.resolve("src"));
        Path label = src.resolve("label_2/000001.txt");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(label));
        lines.set(2, lines.get(2).substring(0, lines.get(2).lastIndexOf(' ')));
        Files.write(label, lines);
        assertRejected(src, "label_2/000001.txt line 3: expected 15 fields (16 with a score), got 14");
    }

    @Test
    void aCalibWithoutP2IsRejected() throws IOException {
        Path src = RealData.copyTree(SAMPLE.resolve("training"), tmp.resolve("src"));
        Path calib = src.resolve("calib/000002.txt");
        Files.write(calib, Files.readAllLines(calib).stream().filter(l -> !l.startsWith("P2:")).toList());
        assertRejected(src, "calib/000002.txt: missing P2");
    }

    @Test
    void aVelodyneFileOfWrongSizeIsRejected() throws IOException {
        Path src = RealData.copyTree(SAMPLE.resolve("training"), tmp.resolve("src"));
        Files.write(src.resolve("velodyne/000002.bin"), new byte[] {1, 2, 3, 4, 5}, java.nio.file.StandardOpenOption.APPEND);
        assertRejected(src, "velodyne/000002.bin: size 2030261 bytes is not a multiple of the 16-byte point record");
    }

    private void assertRejected(Path src, String expected) {
        Path out = tmp.resolve("out");
        BadInputException e = assertThrows(BadInputException.class,
                () -> KittiImporter.importDataset(src, out, allocator, ImportOptions.defaults()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertFalse(Files.exists(out), "nothing may be left at --out");
        assertEquals(List.of("src"), RealData.entries(tmp));
    }
}
