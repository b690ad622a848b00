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
            // 1 tf_static + 1 trajectory + 20 tf + 10 clouds + 2 x 10 images + 2 x 10 calibrations + 10 scene updates
            assertEquals(82, c.messages());
        }
        Map<String, String> schemaOfTopic = new TreeMap<>();
        Map<Integer, String> schemaNames = new TreeMap<>();
        List<String> trajectory = new java.util.ArrayList<>();
        McapReadResult read = McapReader.read(mcap, new McapVisitor() {
            @Override
            public void schema(McapSchema s) {
                schemaNames.put(s.id(), s.name() + " (" + s.encoding() + ")");
            }

            @Override
            public void message(McapMessage m, McapChannel ch) {
                schemaOfTopic.put(ch.topic(), schemaNames.get(ch.schemaId()));
                if (ch.topic().equals(McapExport.TRAJECTORY_TOPIC)) {
                    trajectory.add(new String(m.data(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        });
        assertTrue(read.indexed());
        assertEquals(Map.of("/annotations", "foxglove.SceneUpdate (jsonschema)",
                "/camera_front/camera_info", "foxglove.CameraCalibration (jsonschema)",
                "/camera_front/compressed", "foxglove.CompressedImage (jsonschema)",
                "/camera_rear/camera_info", "foxglove.CameraCalibration (jsonschema)",
                "/camera_rear/compressed", "foxglove.CompressedImage (jsonschema)",
                "/sensing_lidar_top/points", "foxglove.PointCloud (jsonschema)",
                "/tf", "foxglove.FrameTransforms (jsonschema)", "/tf_static", "foxglove.FrameTransforms (jsonschema)",
                McapExport.TRAJECTORY_TOPIC, "foxglove.PosesInFrame (jsonschema)"), schemaOfTopic);
        // one PosesInFrame with every ego pose in map: Drive's tick k is map->odom (10, 5, 0) then odom->base_link
        // (0.5 k, 0, 0), so pose 7 is at (13.5, 5, 0), heading 0 (orientation w = 1)
        assertEquals(1, trajectory.size());
        var poses = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trajectory.get(0));
        assertEquals("map", poses.get("frame_id").asText());
        assertEquals(20, poses.get("poses").size());
        assertEquals(13.5, poses.get("poses").get(7).get("position").get("x").asDouble(), 1e-9);
        assertEquals(5.0, poses.get("poses").get(7).get("position").get("y").asDouble(), 1e-9);
        assertEquals(1.0, poses.get("poses").get(7).get("orientation").get("w").asDouble(), 1e-9);

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
            // Drive's car: 2 m/s along its heading, yaw 0.3 rad in base_link (the ego frame):
            // v = (2 cos 0.3, 2 sin 0.3) = (1.910673, 0.591040) m/s, carried by the SceneUpdate's vx/vy metadata.
            assertEquals(1.910673, ba.vx(), 1e-6);
            assertEquals(0.591040, ba.vy(), 1e-6);
            assertEquals(ba.vx(), bb.vx(), 1e-9);
            assertEquals(ba.vy(), bb.vy(), 1e-9);
        }
    }

    @Test
    void sweepBoxesGoOnTheDetectionsTopicInTheirColour() throws Exception {
        Path bag = Drive.rosbag2(tmp.resolve("bag"), McapWriteOptions.defaults("ros2"));
        Path log = tmp.resolve("log");
        McapImporter.importBag(bag, log, TopicMap.defaults(), allocator, ImportOptions.defaults());
        Path mcap = tmp.resolve("run.mcap");
        try (LogReader r = LogReader.open(log, allocator)) {
            McapExport.Counts c = McapExport.export(r, mcap, java.util.Optional.of(t -> List.of(new SceneBox("tp-0",
                    "car 0.9", io.avreplay.replay.object.Box3d.ego(new io.avreplay.replay.geometry.Vec3(10, 0, 0.8), 4.5, 1.8,
                    1.6, 0.3), 0x00FF00))));
            // the 82 messages of the plain export plus one /detections scene per sweep (10 sweeps)
            assertEquals(92, c.messages());
        }
        List<String> scenes = new java.util.ArrayList<>();
        McapReader.read(mcap, new McapVisitor() {
            @Override
            public void message(McapMessage m, McapChannel ch) {
                if (ch.topic().equals(McapExport.DETECTIONS_TOPIC)) {
                    scenes.add(new String(m.data(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        });
        assertEquals(10, scenes.size());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(scenes.get(0));
        var entity = json.get("entities").get(0);
        assertEquals("tp-0", entity.get("id").asText());
        assertEquals("car 0.9", entity.get("metadata").get(0).get("value").asText());
        // 0x00FF00: r 0, g 1, b 0
        assertEquals(0.0, entity.get("cubes").get(0).get("color").get("r").asDouble());
        assertEquals(1.0, entity.get("cubes").get(0).get("color").get("g").asDouble());
        assertEquals(4.5, entity.get("cubes").get(0).get("size").get("x").asDouble());
    }
}
