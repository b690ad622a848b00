package io.avreplay.replay.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.mcap.Drive;
import io.avreplay.replay.importer.mcap.McapImportResult;
import io.avreplay.replay.importer.mcap.McapImporter;
import io.avreplay.replay.importer.mcap.TopicMap;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.mcap.McapChannel;
import io.avreplay.replay.mcap.McapMessage;
import io.avreplay.replay.mcap.McapReadResult;
import io.avreplay.replay.mcap.McapReader;
import io.avreplay.replay.mcap.McapSchema;
import io.avreplay.replay.mcap.McapVisitor;
import io.avreplay.replay.mcap.McapWriteOptions;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class McapExportTest extends ArrowTest {
    @Test
    void exportThenImportGivesTheSameFramesPosesAndBoxes() throws Exception {
        Path bag = Drive.rosbag2(tmp.resolve("bag"), McapWriteOptions.defaults("ros2"));
        Path log = tmp.resolve("log");
        McapImporter.importBag(bag, log, TopicMap.defaults(), allocator, ImportOptions.defaults());
        Path mcap = tmp.resolve("out.mcap");
        try (LogReader r = LogReader.open(log, allocator)) {
            McapExport.Counts c = McapExport.export(r, mcap);
            // 1 tf_static + 20 tf + 10 clouds + 2 x 10 images + 2 x 10 calibrations + 10 scene updates
            assertEquals(81, c.messages());
        }
        Map<String, String> schemaOfTopic = new TreeMap<>();
        Map<Integer, String> schemaNames = new TreeMap<>();
        McapReadResult read = McapReader.read(mcap, new McapVisitor() {
            @Override
            public void schema(McapSchema s) {
                schemaNames.put(s.id(), s.name() + " (" + s.encoding() + ")");
            }

            @Override
            public void message(McapMessage m, McapChannel ch) {
                schemaOfTopic.put(ch.topic(), schemaNames.get(ch.schemaId()));
            }
        });
        assertTrue(read.indexed());
        assertEquals(Map.of("/annotations", "foxglove.SceneUpdate (jsonschema)",
                "/camera_front/camera_info", "foxglove.CameraCalibration (jsonschema)",
                "/camera_front/compressed", "foxglove.CompressedImage (jsonschema)",
                "/camera_rear/camera_info", "foxglove.CameraCalibration (jsonschema)",
                "/camera_rear/compressed", "foxglove.CompressedImage (jsonschema)",
                "/sensing_lidar_top/points", "foxglove.PointCloud (jsonschema)",
                "/tf", "foxglove.FrameTransforms (jsonschema)", "/tf_static", "foxglove.FrameTransforms (jsonschema)"),
                schemaOfTopic);

        Path back = tmp.resolve("back");
        McapImportResult again = McapImporter.importBag(mcap, back, TopicMap.defaults(), allocator, ImportOptions.defaults());
        assertEquals(List.of(), again.warnings());
        try (LogReader a = LogReader.open(log, allocator); LogReader b = LogReader.open(back, allocator)) {
            assertEquals(List.of(), LogValidator.validate(b));
            assertEquals(a.lidarIds(), b.lidarIds());
            assertEquals(a.cameraIds().stream().sorted().toList(), b.cameraIds().stream().sorted().toList());
            assertEquals(a.calibrations().stream().sorted((x, y) -> x.sensorId().compareTo(y.sensorId())).toList(),
                    b.calibrations().stream().sorted((x, y) -> x.sensorId().compareTo(y.sensorId())).toList());
            for (int i = 0; i < 10; i++) {
                LidarSweep x = a.lidar("sensing_lidar_top").read(i);
                LidarSweep y = b.lidar("sensing_lidar_top").read(i);
                assertEquals(x.timestampNs(), y.timestampNs());
                assertArrayEquals(x.z(), y.z());
                assertArrayEquals(x.ring(), y.ring());
                assertArrayEquals(x.offsetNs(), y.offsetNs());
                assertArrayEquals(a.camera("camera_front").read(i).data(), b.camera("camera_front").read(i).data());
            }
            List<EgoPose> pa = a.egoTrajectory().poses();
            List<EgoPose> pb = b.egoTrajectory().poses();
            assertEquals(pa.size(), pb.size());
            for (int i = 0; i < pa.size(); i++) {
                assertEquals(pa.get(i).timestampNs(), pb.get(i).timestampNs());
                assertEquals(pa.get(i).egoToWorld().translation().x(), pb.get(i).egoToWorld().translation().x(), 1e-12);
            }
            GroundTruth3d ba = a.annotations3d().orElseThrow().read(3).boxes().get(0);
            GroundTruth3d bb = b.annotations3d().orElseThrow().read(3).boxes().get(0);
            assertEquals(ba.trackId(), bb.trackId());
            assertEquals(ba.category(), bb.category());
            assertEquals(ba.box().centre().x(), bb.box().centre().x(), 1e-12);
            assertEquals(ba.box().yaw(), bb.box().yaw(), 1e-12);
            assertEquals(ba.box().width(), bb.box().width(), 1e-12);
        }
    }
}
