package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.RealData;
import io.avreplay.replay.importer.kitti.KittiImporter;
import io.avreplay.replay.importer.nuscenes.NuScenesImporter;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.object.Box2d;
import io.avreplay.replay.object.BoxFrame;
import io.avreplay.replay.object.Detection2d;
import io.avreplay.replay.object.GroundTruth3d;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;

class ExportRoundTripTest extends ArrowTest {
    static final Path KITTI = RealData.sample("kitti-object-3frames");
    static final Path NUSCENES = RealData.sample("nuscenes-demo-sample");

    private Path kittiLog() {
        KittiImporter.importDataset(KITTI, tmp.resolve("kitti"), allocator, ImportOptions.defaults());
        return tmp.resolve("kitti/kitti-000001-000002");
    }

    @Test
    void kittiLabelsSurviveImportAndExport() throws IOException {
        Path log = kittiLog();
        try (LogReader r = LogReader.open(log, allocator)) {
            assertEquals(2, KittiLabelExport.exportGroundTruth(r, KittiImporter.RECT_CAMERA, KittiImporter.CAMERA,
                    tmp.resolve("label_2")));
        }
        for (String frame : List.of("000001", "000002")) {
            List<String> original = Files.readAllLines(KITTI.resolve("training/label_2/" + frame + ".txt"));
            List<String> exported = Files.readAllLines(tmp.resolve("label_2/" + frame + ".txt"));
            assertEquals(original.size(), exported.size());
            for (int i = 0; i < original.size(); i++) {
                String[] a = original.get(i).split(" ");
                String[] b = exported.get(i).split(" ");
                assertEquals(a[0], b[0], frame + " line " + (i + 1));
                for (int k = 1; k < 15; k++) {
                    // Two-decimal text through float64 transforms: equal to the last printed digit.
                    assertEquals(Double.parseDouble(a[k]), Double.parseDouble(b[k]), 0.0100001,
                            frame + " line " + (i + 1) + " field " + (k + 1) + ": " + original.get(i) + " vs " + exported.get(i));
                }
            }
        }
    }

    @Test
    void nuScenesSubmissionRoundTripsToTheSameEgoBoxes() {
        Path log = tmp.resolve("nus");
        NuScenesImporter.importDataset(NUSCENES, log, allocator, ImportOptions.defaults());
        try (LogReader r = LogReader.open(log, allocator)) {
            var frame = r.annotations3d().orElseThrow().read(0);
            Pose egoToWorld = r.egoTrajectory().at(frame.timestampNs()).egoToWorld();
            String token = r.manifest().tags().get(NuScenesImporter.SAMPLE_TOKEN_TAG + frame.timestampNs());
            List<GroundTruth3d> gt = frame.boxes();
            Path json = tmp.resolve("submission.json");
            NuScenesSubmission.write(List.of(NuScenesSubmission.Sample.ofGroundTruth(token, egoToWorld, gt)),
                    Map.of("use_lidar", true), json);
            List<GroundTruth3d> back = NuScenesSubmission.readGroundTruth(json).get(token);
            assertEquals(69, back.size());
            Pose worldToEgo = egoToWorld.inverse();
            for (int i = 0; i < back.size(); i++) {
                GroundTruth3d a = frame.boxes().get(i);
                GroundTruth3d g = back.get(i);
                Vec3 c = worldToEgo.apply(g.box().centre());
                assertEquals(a.box().centre().x(), c.x(), 1e-6);
                assertEquals(a.box().centre().y(), c.y(), 1e-6);
                assertEquals(a.box().centre().z(), c.z(), 1e-6);
                assertEquals(a.box().length(), g.box().length(), 1e-12);
                assertEquals(a.box().width(), g.box().width(), 1e-12);
                assertEquals(BoxFrame.WORLD, g.box().frame());
                // the file's rotation is the ego's (with its roll and pitch) times the box's yaw; the shared
                // box keeps the heading about world z, i.e. the yaw of that quaternion
                double worldYaw = egoToWorld.rotation().times(Quaternion.fromYaw(a.box().yaw())).yaw();
                assertEquals(0, KittiLabelFormat.wrap(worldYaw - g.box().yaw()), 1e-9);
                assertEquals(a.category(), g.category());
                assertEquals(a.numPoints(), g.numPoints());
            }
        }
    }

    @Test
    void cocoInstancesCarryTheKittiBoxesAndDontCareAsCrowd() throws IOException {
        Path log = kittiLog();
        Path json = tmp.resolve("coco.json");
        try (LogReader r = LogReader.open(log, allocator)) {
            assertEquals(9, CocoExport.writeInstances(r, KittiImporter.CAMERA, json));
            CocoExport.writeResults(r, KittiImporter.CAMERA, Map.of(100_000_000L, List.of(
                    Detection2d.of(KittiImporter.CAMERA, new Box2d(387.63, 181.54, 423.81, 203.12), "car", 0.9))),
                            tmp.resolve("results.json"));
        }
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("images").size());
        JsonNode truck = root.get("annotations").get(0);
        // label_2/000001.txt line 1: Truck 599.41 156.40 629.75 189.25 -> [x, y, w, h]
        assertEquals(599.41, truck.get("bbox").get(0).asDouble(), 1e-9);
        assertEquals(629.75 - 599.41, truck.get("bbox").get(2).asDouble(), 1e-9);
        assertEquals(4, countCrowd(root));
        JsonNode res = new ObjectMapper().readTree(tmp.resolve("results.json").toFile());
        assertEquals(1, res.get(0).get("image_id").asInt());
    }

    private static int countCrowd(JsonNode root) {
        int n = 0;
        for (JsonNode a : root.get("annotations")) {
            n += a.get("iscrowd").asInt();
        }
        return n;
    }

    @Test
    void flatTablesHoldEveryPointAndBox() throws IOException {
        Path log = kittiLog();
        LogTablesExport.Counts counts;
        List<LidarSweep> sweeps = new ArrayList<>();
        List<GroundTruth3d> boxes = new ArrayList<>();
        try (LogReader r = LogReader.open(log, allocator)) {
            counts = LogTablesExport.export(r, tmp.resolve("tables"), allocator);
            for (int i = 0; i < 2; i++) {
                sweeps.add(r.lidar(KittiImporter.LIDAR).read(i));
                boxes.addAll(r.annotations3d().orElseThrow().read(i).boxes());
            }
        }
        assertEquals(120_268 + 126_891, counts.points());
        assertEquals(5, counts.boxes());
        assertEquals(3, counts.sensors());
        try (FileChannel ch = FileChannel.open(tmp.resolve("tables/points.feather"), StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<ArrowBlock> blocks = reader.getRecordBlocks();
            assertEquals(2, blocks.size());
            reader.loadRecordBatch(blocks.get(1));
            LidarSweep s = sweeps.get(1);
            assertEquals(s.size(), root.getRowCount());
            for (int i = 0; i < s.size(); i += 997) {
                assertEquals(s.timestampNs(), ((TimeStampNanoVector) root.getVector("timestamp_ns")).get(i));
                assertEquals(s.x()[i], ((Float4Vector) root.getVector("x")).get(i));
                assertEquals(s.intensity()[i], ((Float4Vector) root.getVector("intensity")).get(i));
            }
        }
        try (FileChannel ch = FileChannel.open(tmp.resolve("tables/boxes.feather"), StandardOpenOption.READ);
             ArrowFileReader reader = new ArrowFileReader(ch, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            int row = 0;
            for (ArrowBlock b : reader.getRecordBlocks()) {
                reader.loadRecordBatch(b);
                for (int i = 0; i < root.getRowCount(); i++, row++) {
                    assertEquals(boxes.get(row).box().yaw(), ((Float8Vector) root.getVector("yaw")).get(i));
                    assertEquals(boxes.get(row).category(), root.getVector("category").getObject(i).toString());
                }
            }
            assertEquals(5, row);
        }
        assertFalse(Files.exists(tmp.resolve(".tables.partial")));
    }

    @Test
    void aCameraStreamBecomesAPlayableMp4() throws Exception {
        Path log = kittiLog();
        Path mp4 = tmp.resolve("image_2.mp4");
        try (LogReader r = LogReader.open(log, allocator)) {
            assertEquals(2, CameraVideoExport.export(r, KittiImporter.CAMERA, 10, mp4));
        }
        assertTrue(Files.size(mp4) > 1000);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile())) {
            g.start();
            assertEquals(1242, g.getImageWidth());
            assertEquals(374, g.getImageHeight());
            int frames = 0;
            while (g.grabImage() != null) {
                frames++;
            }
            assertEquals(2, frames);
            g.stop();
        }
    }
}
