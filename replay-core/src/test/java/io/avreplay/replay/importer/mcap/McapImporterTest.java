package io.avreplay.replay.importer.mcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.ArrowTest;
import io.avreplay.replay.arrow.LogReader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.inspect.LogValidator;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.ImageEncoding;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.mcap.McapWriteOptions;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class McapImporterTest extends ArrowTest {
    private McapImportResult run(Path src, TopicMap map) {
        return McapImporter.importBag(src, tmp.resolve("log"), map, allocator, ImportOptions.defaults());
    }

    @Test
    void rosbag2DirectoryImportsEveryStreamAsRecorded() throws Exception {
        Path bag = Drive.rosbag2(tmp.resolve("drive"), McapWriteOptions.defaults("ros2"));
        McapImportResult r = run(bag, TopicMap.defaults());
        assertEquals(List.of(), r.losses());
        // only the skipped /diagnostics topic is worth a warning
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(0).startsWith("skipped topics: {/diagnostics=diagnostic_msgs/msg/KeyValue, 10 msgs}"),
                r.warnings().get(0));
        assertEquals(30, r.report().frames()); // 10 sweeps + 10 front + 10 rear images
        assertEquals(10, r.report().boxes3d());
        try (LogReader log = LogReader.open(tmp.resolve("log"), allocator)) {
            assertEquals(List.of(), LogValidator.validate(log));
            assertEquals(List.of("sensing_lidar_top"), log.lidarIds());
            assertEquals(List.of("camera_front", "camera_rear"), log.cameraIds().stream().sorted().toList());
            LidarSweep s = log.lidar("sensing_lidar_top").read(3);
            assertEquals(Drive.T0 + 310 * Drive.MS, s.timestampNs());
            assertEquals(100, s.size());
            // point 5: (5, 10, 15), intensity 0.5, ring 5, time 5 µs
            assertEquals(10f, s.y()[5]);
            assertEquals(15f, s.z()[5]);
            assertEquals(0.5f, s.intensity()[5]);
            assertEquals(5, s.ringOf(5));
            assertEquals(5000, s.offsetNs()[5], 1);
            // extrinsic of lidar_top: 1 m ahead, 2 m up
            assertEquals(2.0, log.calibration("sensing_lidar_top").orElseThrow().sensorToEgo().translation().z(), 1e-12);
            CameraIntrinsics k = log.calibration("camera_front").orElseThrow().intrinsics().orElseThrow();
            assertEquals(100, k.fx());
            assertEquals(4, k.cx());
            assertEquals("radtan", k.distortionModel());
            assertEquals(List.of(0.1, -0.05, 0.0, 0.0, 0.0), k.distortionCoeffs());
            assertEquals(1.5, log.calibration("camera_front").orElseThrow().sensorToEgo().translation().z(), 1e-12);
            CameraFrame rear = log.camera("camera_rear").read(0);
            assertEquals(ImageEncoding.PNG, rear.encoding());
            assertEquals(4, rear.width());
            int rgb = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(rear.data())).getRGB(2, 1);
            assertEquals((2 << 16) | (1 << 8) | 7, rgb & 0xFFFFFF); // pixel (2, 1) = (x, y, 7)
            // ego: map->odom (10, 5) then odom->base_link (0.5 k, 0): tick 7 at (13.5, 5, 0), 10 m/s
            List<EgoPose> poses = log.egoTrajectory().poses();
            assertEquals(20, poses.size());
            assertEquals(13.5, poses.get(7).egoToWorld().translation().x(), 1e-9);
            assertEquals(5.0, poses.get(7).egoToWorld().translation().y(), 1e-9);
            assertEquals(10.0, poses.get(7).velocity().x(), 1e-6);
            GroundTruth3d car = log.annotations3d().orElseThrow().read(4).boxes().get(0);
            assertEquals("car", car.category());
            assertEquals(10.0, car.box().centre().x(), 1e-9);
            assertEquals(0.3, car.box().yaw(), 1e-9);
            assertEquals(4.5, car.box().length(), 1e-9);
            assertEquals(2 * Math.cos(0.3), car.vx(), 1e-9);
        }
    }

    @Test
    void unindexedFileGivesTheSameLogAsIndexed() {
        Path indexed = tmp.resolve("i.mcap");
        Path plain = tmp.resolve("u.mcap");
        Drive.record(indexed, McapWriteOptions.defaults("ros2").withCompression("lz4"), 0, 20);
        Drive.record(plain, McapWriteOptions.defaults("ros2").withIndexed(false).withChunked(false), 0, 20);
        McapImportResult a = McapImporter.importBag(indexed, tmp.resolve("a"), TopicMap.defaults(), allocator,
                ImportOptions.defaults());
        McapImportResult b = McapImporter.importBag(plain, tmp.resolve("b"), TopicMap.defaults(), allocator,
                ImportOptions.defaults());
        assertEquals(a.report().frames(), b.report().frames());
        assertEquals(a.report().boxes3d(), b.report().boxes3d());
        assertEquals(List.of(), b.losses());
    }

    @Test
    void truncatedFileImportsEveryCompleteMessageAndWarns() throws Exception {
        Path full = tmp.resolve("full.mcap");
        Drive.record(full, McapWriteOptions.defaults("ros2").withCompression("").withChunkBytes(16 << 10), 0, 20);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.mcap");
        Files.write(cut, Arrays.copyOf(bytes, (int) (bytes.length * 0.6)));
        McapImportResult r = run(cut, TopicMap.defaults());
        assertEquals(1, r.losses().size());
        assertTrue(r.warnings().get(0).startsWith("recovered: "), r.warnings().get(0));
        assertTrue(r.report().frames() > 10 && r.report().frames() < 30, "frames " + r.report().frames());
        try (LogReader log = LogReader.open(tmp.resolve("log"), allocator)) {
            assertEquals(List.of(), LogValidator.validate(log));
        }
    }

    @Test
    void undecodableMessagesAreCountedAndTheRestImported() {
        Path f = tmp.resolve("bad-image.mcap");
        try (RosBagBuilder b = new RosBagBuilder(f, McapWriteOptions.defaults("ros2"))) {
            for (int k = 0; k < 3; k++) {
                long t = Drive.T0 + k * 100 * Drive.MS;
                b.write(Drive.LIDAR_TOPIC, "sensor_msgs/msg/PointCloud2", RosBagBuilder.cloud(t, "base_link", 4, false), t);
                byte[] image = k == 1 ? new byte[] {1, 2, 3} : Drive.png(8, 6); // frame 1 is not an image
                b.write("/cam/compressed", "sensor_msgs/msg/CompressedImage", RosBagBuilder.compressed(t, "base_link", image), t);
                b.write("/cam/camera_info", "sensor_msgs/msg/CameraInfo", RosBagBuilder.cameraInfo(t, "base_link", 8, 6, 10), t);
            }
        }
        McapImportResult r = run(f, TopicMap.defaults());
        assertEquals(5, r.report().frames()); // 3 sweeps + 2 images
        // the bag has no /tf or odometry, so the second warning says there is no ego pose
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        assertTrue(r.warnings().get(1).startsWith("no ego pose"), r.warnings().get(1));
        assertTrue(r.warnings().get(0).startsWith("undecodable messages on /cam/compressed: 1 (first: bad-image.mcap log time "
                + (Drive.T0 + 100 * Drive.MS) + " ns:"), r.warnings().get(0));
    }

    @Test
    void bagWithNothingUsableIsBadInputAndLeavesNoLog() throws Exception {
        Path f = tmp.resolve("diag.mcap");
        try (RosBagBuilder b = new RosBagBuilder(f, McapWriteOptions.defaults("ros2"))) {
            b.write("/diagnostics", "diagnostic_msgs/msg/KeyValue", RosBagBuilder.keyValue("a", "b"), 1);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> run(f, TopicMap.defaults()));
        assertTrue(e.getMessage().contains("nothing usable"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("log")));
    }

    @Test
    void topicMapRenamesAndSkips() throws Exception {
        Path f = tmp.resolve("d.mcap");
        Drive.record(f, McapWriteOptions.defaults("ros2"), 0, 20);
        Path yaml = tmp.resolve("map.yaml");
        Files.writeString(yaml, "topics:\n  " + Drive.LIDAR_TOPIC + ": top\n  " + Drive.REAR_TOPIC + ": skip\n");
        McapImportResult r = run(f, TopicMap.read(yaml));
        assertEquals(20, r.report().frames());
        try (LogReader log = LogReader.open(tmp.resolve("log"), allocator)) {
            assertEquals(List.of("top"), log.lidarIds());
            assertEquals(List.of("camera_front"), log.cameraIds());
            assertEquals(List.of(), LogValidator.validate(log));
        }
    }

    @Test
    void bigEndianCloudDecodesTheSame() {
        LidarSweep le = PointCloudDecoder.decode(io.avreplay.replay.ros2.Ros2Codec.decode(schema(),
                io.avreplay.replay.ros2.Ros2Codec.encode(schema(), RosBagBuilder.cloud(5, "l", 7, false), true)), "l", 5);
        LidarSweep be = PointCloudDecoder.decode(io.avreplay.replay.ros2.Ros2Codec.decode(schema(),
                io.avreplay.replay.ros2.Ros2Codec.encode(schema(), RosBagBuilder.cloud(5, "l", 7, true), false)), "l", 5);
        assertArrayEquals(le.x(), be.x());
        assertArrayEquals(le.ring(), be.ring());
        assertEquals(18f, be.z()[6]); // point 6: z = 3 * 6
    }

    private static io.avreplay.replay.ros2.Ros2Schema schema() {
        return io.avreplay.replay.ros2.Ros2Schema.parse("sensor_msgs/msg/PointCloud2", RosDefinitions.of("sensor_msgs/msg/PointCloud2"));
    }
}
