package io.avreplay.replay.importer.mcap;

import static io.avreplay.replay.importer.mcap.RosBagBuilder.cameraInfo;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.car;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.cloud;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.compressed;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.keyValue;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.objects;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.rawImage;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.tf;
import static io.avreplay.replay.importer.mcap.RosBagBuilder.tfMessage;

import io.avreplay.replay.mcap.McapWriteOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A synthetic one-second drive as rosbag2 would record it. Ego: map → odom fixed at (10, 5, 0), odom →
 * base_link at (0.5 k, 0, 0) for k = 0..19 every 50 ms (10 m/s along x). Every 100 ms (+10 ms), k = 0..9:
 * a 100-point cloud on {@value #LIDAR_TOPIC} (frame lidar_top, 1 m ahead and 2 m above base_link), an
 * 8×6 PNG on {@value #FRONT_TOPIC} with its CameraInfo (f = 100 px), a 4×3 rgb8 Image on
 * {@value #REAR_TOPIC} with its CameraInfo (f = 50 px), one car at (10, 0) yaw 0.3 in base_link, and a
 * diagnostic_msgs/KeyValue on /diagnostics (not imported).
 */
public final class Drive {
    public static final long T0 = 1_700_000_000_000_000_000L;
    public static final long MS = 1_000_000L;
    static final String LIDAR_TOPIC = "/sensing/lidar/top/pointcloud";
    static final String FRONT_TOPIC = "/camera/front/image_raw/compressed";
    static final String REAR_TOPIC = "/camera/rear/image_raw";

    private Drive() {
    }

    /** Writes ticks {@code [from, to)} of the 50 ms clock (0..20) into {@code file}. */
    public static Map<String, Long> record(Path file, McapWriteOptions options, int from, int to) {
        try (RosBagBuilder b = new RosBagBuilder(file, options)) {
            if (from == 0) {
                b.write("/tf_static", "tf2_msgs/msg/TFMessage", tfMessage(tf(T0, "base_link", "lidar_top", 1, 0, 2, 0),
                        tf(T0, "base_link", "camera_front", 2, 0, 1.5, 0)), T0);
            }
            byte[] png = png(8, 6);
            for (int k = from; k < to; k++) {
                long t = T0 + k * 50 * MS;
                b.write("/tf", "tf2_msgs/msg/TFMessage", tfMessage(tf(t, "map", "odom", 10, 5, 0, 0),
                        tf(t, "odom", "base_link", 0.5 * k, 0, 0, 0)), t);
                if (k % 2 == 0) {
                    long s = T0 + (k / 2) * 100 * MS + 10 * MS;
                    b.write(LIDAR_TOPIC, "sensor_msgs/msg/PointCloud2", cloud(s, "lidar_top", 100, false), s);
                    b.write(FRONT_TOPIC, "sensor_msgs/msg/CompressedImage", compressed(s, "camera_front", png), s);
                    b.write("/camera/front/camera_info", "sensor_msgs/msg/CameraInfo", cameraInfo(s, "camera_front", 8, 6, 100), s);
                    b.write(REAR_TOPIC, "sensor_msgs/msg/Image", rawImage(s, "base_link", 4, 3), s);
                    b.write("/camera/rear/camera_info", "sensor_msgs/msg/CameraInfo", cameraInfo(s, "base_link", 4, 3, 50), s);
                    b.write("/perception/objects", "autoware_perception_msgs/msg/DetectedObjects",
                            objects(s, "base_link", car(10, 0, 0.3)), s);
                    b.write("/diagnostics", "diagnostic_msgs/msg/KeyValue", keyValue("k", "v"), s);
                }
            }
            return new LinkedHashMap<>(b.counts);
        }
    }

    /** A rosbag2 directory: two files (ticks 0..9 and 10..19) and metadata.yaml with the message counts. */
    public static Path rosbag2(Path dir, McapWriteOptions options) throws IOException {
        Files.createDirectories(dir);
        Map<String, Long> counts = record(dir.resolve("drive_0.mcap"), options, 0, 10);
        record(dir.resolve("drive_1.mcap"), options, 10, 20).forEach((t, n) -> counts.merge(t, n, Long::sum));
        StringBuilder y = new StringBuilder("rosbag2_bagfile_information:\n  version: 5\n  storage_identifier: mcap\n"
                + "  relative_file_paths:\n    - drive_0.mcap\n    - drive_1.mcap\n  topics_with_message_count:\n");
        counts.forEach((t, n) -> y.append("    - topic_metadata:\n        name: ").append(t)
                .append("\n        serialization_format: cdr\n      message_count: ").append(n).append('\n'));
        Files.writeString(dir.resolve("metadata.yaml"), y.toString());
        return dir;
    }

    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
