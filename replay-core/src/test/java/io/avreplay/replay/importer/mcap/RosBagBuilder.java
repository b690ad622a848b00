package io.avreplay.replay.importer.mcap;

import io.avreplay.replay.mcap.McapWriteOptions;
import io.avreplay.replay.mcap.McapWriter;
import io.avreplay.replay.ros2.Ros2Codec;
import io.avreplay.replay.ros2.Ros2Schema;
import io.avreplay.replay.ros2.RosStruct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records ROS 2 messages into an MCAP file the way rosbag2 does (ros2msg schemas, CDR, profile ros2). */
final class RosBagBuilder implements AutoCloseable {
    private final McapWriter w;
    private final Map<String, Integer> schemaIds = new HashMap<>();
    private final Map<String, Ros2Schema> schemas = new HashMap<>();
    private final Map<String, Integer> channels = new HashMap<>();
    final Map<String, Long> counts = new LinkedHashMap<>();

    RosBagBuilder(Path file, McapWriteOptions options) {
        w = McapWriter.create(file, options);
    }

    void write(String topic, String type, RosStruct msg, long logTimeNs) {
        int schema = schemaIds.computeIfAbsent(type, t -> {
            String def = RosDefinitions.of(t);
            schemas.put(t, Ros2Schema.parse(t, def));
            return w.addSchema(t, "ros2msg", def.getBytes(StandardCharsets.UTF_8));
        });
        int ch = channels.computeIfAbsent(topic, t -> w.addChannel(schema, t, "cdr", Map.of("offered_qos_profiles", "")));
        w.write(ch, 0, logTimeNs, logTimeNs, Ros2Codec.encode(schemas.get(type), msg, true));
        counts.merge(topic, 1L, Long::sum);
    }

    @Override
    public void close() {
        w.close();
    }

    // ---- message builders ----

    static RosStruct s(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new RosStruct(type, m);
    }

    static RosStruct header(long t, String frame) {
        return s("std_msgs/Header", "stamp", s("builtin_interfaces/Time", "sec", t / 1_000_000_000L, "nanosec",
                t % 1_000_000_000L), "frame_id", frame);
    }

    static RosStruct vec(String type, double x, double y, double z) {
        return s(type, "x", x, "y", y, "z", z);
    }

    static RosStruct quat(double yaw) {
        return s("geometry_msgs/Quaternion", "x", 0.0, "y", 0.0, "z", Math.sin(yaw / 2), "w", Math.cos(yaw / 2));
    }

    static RosStruct tf(long t, String parent, String child, double x, double y, double z, double yaw) {
        return s("geometry_msgs/TransformStamped", "header", header(t, parent), "child_frame_id", child, "transform",
                s("geometry_msgs/Transform", "translation", vec("geometry_msgs/Vector3", x, y, z), "rotation", quat(yaw)));
    }

    static RosStruct tfMessage(RosStruct... transforms) {
        return s("tf2_msgs/TFMessage", "transforms", List.of(transforms));
    }

    static RosStruct pointField(String name, int offset, int datatype) {
        return s("sensor_msgs/PointField", "name", name, "offset", (long) offset, "datatype", (long) datatype, "count", 1L);
    }

    /**
     * A cloud of {@code n} points with x, y, z (float32 at 0, 4, 8), intensity (float32 at 16), ring
     * (uint16 at 20) and time (float32 seconds at 24) in a 32-byte point_step (bytes 12..15 and 26..31 are
     * padding): point i is (i, 2i, 3i), intensity i/10, ring i % 32, time i µs.
     */
    static RosStruct cloud(long t, String frame, int n, boolean bigEndian) {
        ByteBuffer b = ByteBuffer.allocate(n * 32).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int o = i * 32;
            b.putFloat(o, i).putFloat(o + 4, 2f * i).putFloat(o + 8, 3f * i).putFloat(o + 12, Float.NaN);
            b.putFloat(o + 16, i / 10f).putShort(o + 20, (short) (i % 32)).putFloat(o + 24, i * 1e-6f);
        }
        return s("sensor_msgs/PointCloud2", "header", header(t, frame), "height", 1L, "width", (long) n, "fields",
                List.of(pointField("x", 0, 7), pointField("y", 4, 7), pointField("z", 8, 7), pointField("intensity", 16, 7),
                        pointField("ring", 20, 4), pointField("time", 24, 7)),
                "is_bigendian", bigEndian, "point_step", 32L, "row_step", (long) n * 32, "data", b.array(), "is_dense", true);
    }

    static RosStruct compressed(long t, String frame, byte[] png) {
        return s("sensor_msgs/CompressedImage", "header", header(t, frame), "format", "png", "data", png);
    }

    /** A w×h rgb8 image whose pixel (x, y) is (x, y, 7). */
    static RosStruct rawImage(long t, String frame, int w, int h) {
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[(y * w + x) * 3] = (byte) x;
                d[(y * w + x) * 3 + 1] = (byte) y;
                d[(y * w + x) * 3 + 2] = 7;
            }
        }
        return s("sensor_msgs/Image", "header", header(t, frame), "height", (long) h, "width", (long) w, "encoding", "rgb8",
                "is_bigendian", 0L, "step", (long) w * 3, "data", d);
    }

    static RosStruct cameraInfo(long t, String frame, int w, int h, double f) {
        return s("sensor_msgs/CameraInfo", "header", header(t, frame), "height", (long) h, "width", (long) w,
                "distortion_model", "plumb_bob", "d", new double[] {0.1, -0.05, 0, 0, 0},
                "k", new double[] {f, 0, w / 2.0, 0, f, h / 2.0, 0, 0, 1}, "r", new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1},
                "p", new double[] {f, 0, w / 2.0, 0, 0, f, h / 2.0, 0, 0, 0, 1, 0}, "binning_x", 0L, "binning_y", 0L,
                "roi", s("sensor_msgs/RegionOfInterest", "x_offset", 0L, "y_offset", 0L, "height", 0L, "width", 0L,
                        "do_rectify", false));
    }

    private static RosStruct poseWithCovariance(double x, double y, double z, double yaw) {
        return s("geometry_msgs/PoseWithCovariance", "pose", s("geometry_msgs/Pose", "position",
                vec("geometry_msgs/Point", x, y, z), "orientation", quat(yaw)), "covariance", new double[36]);
    }

    private static RosStruct twist(double vx) {
        return s("geometry_msgs/TwistWithCovariance", "twist", s("geometry_msgs/Twist", "linear",
                vec("geometry_msgs/Vector3", vx, 0, 0), "angular", vec("geometry_msgs/Vector3", 0, 0, 0)),
                "covariance", new double[36]);
    }

    static RosStruct odometry(long t, double x, double yaw) {
        return s("nav_msgs/Odometry", "header", header(t, "odom"), "child_frame_id", "base_link", "pose",
                poseWithCovariance(x, 0, 0, yaw), "twist", twist(1.0));
    }

    /** One car (label 1) at (x, y, 0.8) with yaw, 4.5 × 1.8 × 1.6 m, moving at 2 m/s along its heading. */
    static RosStruct car(double x, double y, double yaw) {
        return s("autoware_perception_msgs/DetectedObject", "existence_probability", 1.0f, "classification",
                List.of(s("autoware_perception_msgs/ObjectClassification", "label", 1L, "probability", 0.9f)),
                "kinematics", s("autoware_perception_msgs/DetectedObjectKinematics", "pose_with_covariance",
                        poseWithCovariance(x, y, 0.8, yaw), "has_position_covariance", false, "orientation_availability", 1L,
                        "twist_with_covariance", twist(2.0), "has_twist", true, "has_twist_covariance", false),
                "shape", s("autoware_perception_msgs/Shape", "type", 0L, "footprint", s("geometry_msgs/Polygon", "points",
                        List.of()), "dimensions", vec("geometry_msgs/Vector3", 4.5, 1.8, 1.6)));
    }

    static RosStruct objects(long t, String frame, RosStruct... objs) {
        return s("autoware_perception_msgs/DetectedObjects", "header", header(t, frame), "objects", List.of(objs));
    }

    static RosStruct keyValue(String k, String v) {
        return s("diagnostic_msgs/KeyValue", "key", k, "value", v);
    }
}
