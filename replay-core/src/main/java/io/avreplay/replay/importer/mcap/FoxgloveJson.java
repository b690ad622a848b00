package io.avreplay.replay.importer.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.avreplay.replay.ros2.RosStruct;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Foxglove JSON messages our MCAP export writes ({@code foxglove.PointCloud},
 * {@code CompressedImage}, {@code CameraCalibration}, {@code FrameTransforms}, {@code SceneUpdate}) into
 * the shape of their ROS 2 counterparts ({@code PointCloud2}, {@code CompressedImage}, {@code CameraInfo},
 * {@code TFMessage}, {@code vision_msgs/Detection3DArray}), so one routing serves both. Thread-safe.
 */
final class FoxgloveJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Foxglove's PackedElementField types 1..8 (UINT8, INT8, UINT16, INT16, UINT32, INT32, FLOAT32, FLOAT64) as PointField datatypes. */
    private static final long[] ROS_DATATYPE = {0, 2, 1, 4, 3, 6, 5, 7, 8};

    private FoxgloveJson() {
    }

    static boolean readable(String schema, String schemaEncoding, String messageEncoding) {
        return schema.startsWith("foxglove.") && schemaEncoding.equals("jsonschema") && messageEncoding.equals("json");
    }

    static RosStruct toRos(String schema, byte[] json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(schema + ": not JSON: " + e.getMessage());
        }
        return switch (schema) {
            case "foxglove.PointCloud" -> cloud(n);
            case "foxglove.CompressedImage" -> s("sensor_msgs/CompressedImage", "header", header(n), "format",
                    n.path("format").asText(), "data", binary(n.path("data")));
            case "foxglove.CameraCalibration" -> s("sensor_msgs/CameraInfo", "header", header(n), "width",
                    n.path("width").asLong(), "height", n.path("height").asLong(), "distortion_model",
                    n.path("distortion_model").asText(), "d", doubles(n.path("D")), "k", doubles(n.path("K")));
            case "foxglove.FrameTransforms" -> transforms(n);
            case "foxglove.SceneUpdate" -> scene(n);
            default -> throw new IllegalArgumentException(schema + ": not a Foxglove schema this importer reads");
        };
    }

    private static RosStruct s(String type, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return new RosStruct(type, m);
    }

    private static RosStruct time(JsonNode t) {
        return s("builtin_interfaces/Time", "sec", t.path("sec").asLong(), "nanosec", t.path("nsec").asLong());
    }

    private static RosStruct header(JsonNode n) {
        return s("std_msgs/Header", "stamp", time(n.path("timestamp")), "frame_id", n.path("frame_id").asText());
    }

    private static RosStruct xyz(JsonNode v) {
        return s("geometry_msgs/Vector3", "x", v.path("x").asDouble(), "y", v.path("y").asDouble(), "z", v.path("z").asDouble());
    }

    private static RosStruct quat(JsonNode q) {
        return s("geometry_msgs/Quaternion", "x", q.path("x").asDouble(), "y", q.path("y").asDouble(), "z",
                q.path("z").asDouble(), "w", q.path("w").asDouble(1));
    }

    private static RosStruct pose(JsonNode p) {
        return s("geometry_msgs/Pose", "position", xyz(p.path("position")), "orientation", quat(p.path("orientation")));
    }

    private static byte[] binary(JsonNode b) {
        try {
            return b.isMissingNode() || b.isNull() ? new byte[0] : b.binaryValue();
        } catch (IOException e) {
            throw new IllegalArgumentException("bytes field is not base64: " + e.getMessage());
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static RosStruct cloud(JsonNode n) {
        List<RosStruct> fields = new ArrayList<>();
        for (JsonNode f : n.path("fields")) {
            int t = f.path("type").asInt();
            fields.add(s("sensor_msgs/PointField", "name", f.path("name").asText(), "offset", f.path("offset").asLong(),
                    "datatype", t >= 1 && t <= 8 ? ROS_DATATYPE[t] : 0L, "count", 1L));
        }
        byte[] data = binary(n.path("data"));
        long stride = n.path("point_stride").asLong();
        long width = stride > 0 ? data.length / stride : 0;
        return s("sensor_msgs/PointCloud2", "header", header(n), "height", 1L, "width", width, "fields", fields,
                "is_bigendian", false, "point_step", stride, "row_step", width * stride, "data", data, "is_dense", true);
    }

    private static RosStruct transforms(JsonNode n) {
        List<RosStruct> out = new ArrayList<>();
        for (JsonNode t : n.path("transforms")) {
            RosStruct h = s("std_msgs/Header", "stamp", time(t.path("timestamp")), "frame_id", t.path("parent_frame_id").asText());
            out.add(s("geometry_msgs/TransformStamped", "header", h, "child_frame_id", t.path("child_frame_id").asText(),
                    "transform", s("geometry_msgs/Transform", "translation", xyz(t.path("translation")), "rotation",
                            quat(t.path("rotation")))));
        }
        return s("tf2_msgs/TFMessage", "transforms", out);
    }

    /** Each entity's first cube is a box; its {@code category} metadata the class. */
    private static RosStruct scene(JsonNode n) {
        List<RosStruct> dets = new ArrayList<>();
        JsonNode first = null;
        for (JsonNode e : n.path("entities")) {
            JsonNode cube = e.path("cubes").path(0);
            if (cube.isMissingNode()) {
                continue;
            }
            first = first == null ? e : first;
            String category = "unknown";
            for (JsonNode kv : e.path("metadata")) {
                if (kv.path("key").asText().equals("category")) {
                    category = kv.path("value").asText();
                }
            }
            RosStruct hyp = s("vision_msgs/ObjectHypothesisWithPose", "hypothesis", s("vision_msgs/ObjectHypothesis",
                    "class_id", category, "score", 1.0));
            dets.add(s("vision_msgs/Detection3D", "results", List.of(hyp), "bbox", s("vision_msgs/BoundingBox3D", "center",
                    pose(cube.path("pose")), "size", xyz(cube.path("size"))), "id", e.path("id").asText()));
        }
        JsonNode h = first == null ? JSON.createObjectNode() : first;
        return s("vision_msgs/Detection3DArray", "header", header(h), "detections", dets);
    }
}
