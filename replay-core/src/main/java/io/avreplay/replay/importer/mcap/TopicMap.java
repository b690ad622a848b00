package io.avreplay.replay.importer.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.avreplay.error.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which topic becomes which stream. Defaults: by message type (see {@link TopicRole}); the sensor id of
 * a camera or lidar topic is its path with a trailing {@code compressed}, image or point-cloud name and
 * {@code camera_info} removed, slashes turned into {@code _} (so {@code /cam/front/image_raw/compressed}
 * and {@code /cam/front/camera_info} are both {@code cam_front}). A YAML file overrides:
 *
 * <pre>
 * ego_frame: base_link       # default base_link
 * world_frame: map           # default map
 * ground_truth: /perception/objects   # which object topic is ground truth (default: the first one seen)
 * topics:
 *   /sensing/lidar/top/pointcloud: lidar_top   # sensor id
 *   /debug/markers: skip
 * </pre>
 *
 * @param egoFrame    the TF frame of the vehicle
 * @param worldFrame  the TF frame poses are expressed in
 * @param groundTruth the object topic to import, empty for the first one seen
 * @param sensorIds   topic to sensor id, or {@code skip}
 */
public record TopicMap(String egoFrame, String worldFrame, String groundTruth, Map<String, String> sensorIds) {
    private static final List<String> IMAGE_NAMES = List.of("image_raw", "image_rect", "image_rect_color", "image_color",
            "image", "image_mono");
    private static final List<String> CLOUD_NAMES = List.of("pointcloud", "points", "points_raw", "pointcloud_raw",
            "pointcloud_before_sync");

    public TopicMap {
        Objects.requireNonNull(egoFrame, "egoFrame");
        Objects.requireNonNull(worldFrame, "worldFrame");
        Objects.requireNonNull(groundTruth, "groundTruth");
        sensorIds = Map.copyOf(sensorIds);
        sensorIds.forEach((t, id) -> {
            if (!id.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidConfigException("topic map: sensor id of " + t + " must match [A-Za-z0-9._-]+, got '" + id + "'");
            }
        });
    }

    /** base_link in map, no overrides. */
    public static TopicMap defaults() {
        return new TopicMap("base_link", "map", "", Map.of());
    }

    /**
     * Reads the YAML file described above.
     *
     * @throws InvalidConfigException naming the file and key when it cannot be read or has unknown keys
     */
    public static TopicMap read(Path yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile());
        } catch (IOException e) {
            throw new InvalidConfigException(yaml + ": cannot read the topic map: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidConfigException(yaml + ": the topic map must be a YAML mapping");
        }
        Map<String, String> ids = new HashMap<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!List.of("ego_frame", "world_frame", "ground_truth", "topics").contains(k)) {
                throw new InvalidConfigException(yaml + ": unknown key '" + k
                        + "' (expected ego_frame, world_frame, ground_truth, topics)");
            }
        }
        JsonNode topics = root.path("topics");
        topics.fields().forEachRemaining(e -> ids.put(e.getKey(), e.getValue().asText()));
        return new TopicMap(root.path("ego_frame").asText("base_link"), root.path("world_frame").asText("map"),
                root.path("ground_truth").asText(""), ids);
    }

    /** The role of a topic by its schema name ({@code pkg/msg/Type} or {@code pkg/Type}). */
    TopicRole role(String topic, String schemaName) {
        if ("skip".equals(sensorIds.get(topic))) {
            return TopicRole.SKIP;
        }
        String type = schemaName.replace("/msg/", "/");
        return switch (type) {
            case "sensor_msgs/PointCloud2" -> TopicRole.LIDAR;
            case "sensor_msgs/CompressedImage", "sensor_msgs/Image" -> TopicRole.CAMERA;
            case "sensor_msgs/CameraInfo" -> TopicRole.CAMERA_INFO;
            case "tf2_msgs/TFMessage" -> topic.endsWith("tf_static") ? TopicRole.TF_STATIC : TopicRole.TF;
            case "nav_msgs/Odometry" -> TopicRole.ODOMETRY;
            case "autoware_perception_msgs/DetectedObjects", "vision_msgs/Detection3DArray", "foxglove.SceneUpdate" ->
                TopicRole.OBJECTS;
            case "foxglove.PointCloud" -> TopicRole.LIDAR;
            case "foxglove.CompressedImage" -> TopicRole.CAMERA;
            case "foxglove.CameraCalibration" -> TopicRole.CAMERA_INFO;
            case "foxglove.FrameTransforms" -> topic.endsWith("tf_static") ? TopicRole.TF_STATIC : TopicRole.TF;
            case "foxglove.PosesInFrame" -> TopicRole.TRAJECTORY;
            default -> TopicRole.SKIP;
        };
    }

    /** The sensor id of a camera, camera-info or lidar topic. */
    String sensorId(String topic, TopicRole role) {
        String given = sensorIds.get(topic);
        if (given != null) {
            return given;
        }
        String t = topic;
        if (role == TopicRole.CAMERA) {
            t = strip(strip(t, List.of("compressed")), IMAGE_NAMES);
        } else if (role == TopicRole.CAMERA_INFO) {
            t = strip(t, List.of("camera_info"));
        } else if (role == TopicRole.LIDAR) {
            t = strip(t, CLOUD_NAMES);
        }
        String id = t.replaceAll("^/+", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return id.isEmpty() ? role.name().toLowerCase(java.util.Locale.ROOT) : id;
    }

    private static String strip(String topic, List<String> names) {
        int slash = topic.lastIndexOf('/');
        if (slash >= 0 && names.contains(topic.substring(slash + 1))) {
            return topic.substring(0, slash);
        }
        return topic;
    }

    /** @return the configured ground-truth topic, when one is named */
    Optional<String> groundTruthTopic() {
        return groundTruth.isEmpty() ? Optional.empty() : Optional.of(groundTruth);
    }
}
