package io.avreplay.replay.importer.nuscenes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny synthetic nuScenes v1.0-mini dataroot with known geometry. Scene {@code scene-0001}: two samples
 * 0.5 s apart, each with a LIDAR_TOP key frame and a CAM_FRONT key frame, one non-key LIDAR_TOP sweep with
 * its file and one without, and a RADAR_FRONT sample_data (ignored). Optionally scene {@code scene-0002} with
 * one sample and no boxes.
 *
 * <p>Geometry: the ego at sample 1 is at global (100, 200, 0) turned +90° (facing global +y); at sample 2 at
 * (100, 201, 0), same heading. Car {@code inst-car} is at global (100, 210, 1) with yaw 120° at sample 1 and
 * (101, 210, 1) at sample 2, so in the ego frame at sample 1 it is at (10, 0, 1) with yaw 30°, and its
 * velocity (1 m / 0.5 s along global +x = (2, 0, 0) m/s) is (0, −2) in the ego frame. LIDAR_TOP sits
 * 1.8 m above the ego origin, unrotated; the sample-1 sweep holds 3 points inside the car and 2 outside.
 */
final class NuScenesTablesFixture {
    static final long T0_US = 1_532_402_927_647_951L;
    static final String VERSION = "v1.0-mini";

    final Map<String, ArrayNode> tables = new LinkedHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    NuScenesTablesFixture(boolean twoScenes) {
        for (String t : NuScenesTables.REQUIRED) {
            tables.put(t, mapper.createArrayNode());
        }
        row("log", "log-1").put("vehicle", "n015").put("location", "singapore-onenorth").put("logfile", "n015-2018-07-24");
        sensor("sens-lidar", "LIDAR_TOP", "lidar");
        sensor("sens-cam", "CAM_FRONT", "camera");
        sensor("sens-radar", "RADAR_FRONT", "radar");
        calibrated("cs-lidar", "sens-lidar", new double[] {0, 0, 1.8}, 0, false);
        calibrated("cs-cam", "sens-cam", new double[] {1.5, 0, 1.5}, 0, true);
        calibrated("cs-radar", "sens-radar", new double[] {3.5, 0, 0.5}, 0, false);
        row("category", "cat-car").put("name", "vehicle.car");
        row("category", "cat-animal").put("name", "animal");
        row("attribute", "attr-moving").put("name", "vehicle.moving");
        row("instance", "inst-car").put("category_token", "cat-car");
        row("instance", "inst-animal").put("category_token", "cat-animal");
        row("scene", "scene-tok-1").put("name", "scene-0001").put("log_token", "log-1");
        sample("sample-1", "scene-tok-1", T0_US);
        sample("sample-2", "scene-tok-1", T0_US + 500_000);
        egoPose("ep-1", T0_US, 100, 200, Math.PI / 2);
        egoPose("ep-cam-1", T0_US + 10, 100, 200.1, Math.PI / 2);
        egoPose("ep-sweep", T0_US + 250_000, 100, 200.5, Math.PI / 2);
        egoPose("ep-sweep-missing", T0_US + 300_000, 100, 200.6, Math.PI / 2);
        egoPose("ep-2", T0_US + 500_000, 100, 201, Math.PI / 2);
        egoPose("ep-cam-2", T0_US + 500_010, 100, 201.1, Math.PI / 2);
        egoPose("ep-radar", T0_US + 20, 100, 200, Math.PI / 2);
        sampleData("sd-lidar-1", "sample-1", "ep-1", "cs-lidar", T0_US, "samples/LIDAR_TOP/a.pcd.bin", true);
        sampleData("sd-cam-1", "sample-1", "ep-cam-1", "cs-cam", T0_US + 10, "samples/CAM_FRONT/a.jpg", true);
        sampleData("sd-radar-1", "sample-1", "ep-radar", "cs-radar", T0_US + 20, "samples/RADAR_FRONT/a.pcd", true);
        sampleData("sd-sweep", "sample-2", "ep-sweep", "cs-lidar", T0_US + 250_000, "sweeps/LIDAR_TOP/s.pcd.bin", false);
        sampleData("sd-sweep-missing", "sample-2", "ep-sweep-missing", "cs-lidar", T0_US + 300_000,
                "sweeps/LIDAR_TOP/missing.pcd.bin", false);
        sampleData("sd-lidar-2", "sample-2", "ep-2", "cs-lidar", T0_US + 500_000, "samples/LIDAR_TOP/b.pcd.bin", true);
        sampleData("sd-cam-2", "sample-2", "ep-cam-2", "cs-cam", T0_US + 500_010, "samples/CAM_FRONT/b.jpg", true);
        annotation("ann-car-1", "sample-1", "inst-car", new double[] {100, 210, 1}, 2 * Math.PI / 3, 3, "", "ann-car-2")
                .withArray("attribute_tokens").add("attr-moving");
        annotation("ann-animal", "sample-1", "inst-animal", new double[] {90, 190, 0.5}, 0, 0, "", "");
        annotation("ann-car-2", "sample-2", "inst-car", new double[] {101, 210, 1}, 2 * Math.PI / 3, 0, "ann-car-1", "");
        if (twoScenes) {
            row("scene", "scene-tok-2").put("name", "scene-0002").put("log_token", "log-1");
            sample("sample-3", "scene-tok-2", T0_US + 20_000_000);
            egoPose("ep-3", T0_US + 20_000_000, 0, 0, 0);
            sampleData("sd-lidar-3", "sample-3", "ep-3", "cs-lidar", T0_US + 20_000_000, "samples/LIDAR_TOP/c.pcd.bin", true);
        }
    }

    /** Writes the tables and files under {@code root} (the dataroot); @return {@code root} */
    Path write(Path root) {
        try {
            Path v = Files.createDirectories(root.resolve(VERSION));
            for (Map.Entry<String, ArrayNode> t : tables.entrySet()) {
                mapper.writerWithDefaultPrettyPrinter().writeValue(v.resolve(t.getKey() + ".json").toFile(), t.getValue());
            }
            // ego (10, 0, 1), (10.5, 0.2, 1.2), (9.5, -0.3, 0.5) are inside the car; (0, 0, 0) and (20, 5, 1) are not.
            points(root.resolve("samples/LIDAR_TOP/a.pcd.bin"), new float[][] {
                {10, 0, 1 - 1.8f}, {10.5f, 0.2f, 1.2f - 1.8f}, {9.5f, -0.3f, 0.5f - 1.8f}, {0, 0, -1.8f}, {20, 5, 1 - 1.8f}});
            points(root.resolve("samples/LIDAR_TOP/b.pcd.bin"), new float[][] {{-30, 0, 0}});
            points(root.resolve("samples/LIDAR_TOP/c.pcd.bin"), new float[][] {{-30, 0, 0}});
            points(root.resolve("sweeps/LIDAR_TOP/s.pcd.bin"), new float[][] {{1, 2, 3}, {4, 5, 6}});
            jpeg(root.resolve("samples/CAM_FRONT/a.jpg"), 64, 48);
            jpeg(root.resolve("samples/CAM_FRONT/b.jpg"), 64, 48);
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first record of {@code table} whose token is {@code token}. */
    ObjectNode record(String table, String token) {
        for (var n : tables.get(table)) {
            if (n.get("token").asText().equals(token)) {
                return (ObjectNode) n;
            }
        }
        throw new IllegalArgumentException(table + " has no " + token);
    }

    private ObjectNode row(String table, String token) {
        return tables.get(table).addObject().put("token", token);
    }

    private void sensor(String token, String channel, String modality) {
        row("sensor", token).put("channel", channel).put("modality", modality);
    }

    private void calibrated(String token, String sensor, double[] t, double yaw, boolean camera) {
        ObjectNode r = row("calibrated_sensor", token).put("sensor_token", sensor);
        r.set("translation", array(t));
        r.set("rotation", quaternion(yaw));
        ArrayNode k = r.putArray("camera_intrinsic");
        if (camera) {
            k.add(array(new double[] {50, 0, 32})).add(array(new double[] {0, 50, 24})).add(array(new double[] {0, 0, 1}));
        }
    }

    private void sample(String token, String scene, long us) {
        row("sample", token).put("scene_token", scene).put("timestamp", us).put("prev", "").put("next", "");
    }

    private void egoPose(String token, long us, double x, double y, double yaw) {
        ObjectNode r = row("ego_pose", token).put("timestamp", us);
        r.set("translation", array(new double[] {x, y, 0}));
        r.set("rotation", quaternion(yaw));
    }

    private void sampleData(String token, String sample, String egoPose, String cs, long us, String file, boolean key) {
        row("sample_data", token).put("sample_token", sample).put("ego_pose_token", egoPose)
                .put("calibrated_sensor_token", cs).put("timestamp", us).put("filename", file).put("is_key_frame", key)
                .put("fileformat", file.endsWith(".jpg") ? "jpg" : "pcd").put("prev", "").put("next", "");
    }

    private ObjectNode annotation(String token, String sample, String instance, double[] centre, double yaw, int points,
            String prev, String next) {
        ObjectNode r = row("sample_annotation", token).put("sample_token", sample).put("instance_token", instance)
                .put("visibility_token", "4").put("num_lidar_pts", points).put("num_radar_pts", 0)
                .put("prev", prev).put("next", next);
        r.putArray("attribute_tokens");
        r.set("translation", array(centre));
        r.set("size", array(new double[] {2, 4, 1.5}));
        r.set("rotation", quaternion(yaw));
        return r;
    }

    private ArrayNode array(double[] v) {
        ArrayNode a = mapper.createArrayNode();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    private ArrayNode quaternion(double yaw) {
        return array(new double[] {Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2)});
    }

    /** x y z intensity ring as little-endian float32; intensity 7, ring 3. */
    private static void points(Path file, float[][] xyz) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(20 * xyz.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] p : xyz) {
            b.putFloat(p[0]).putFloat(p[1]).putFloat(p[2]).putFloat(7).putFloat(3);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, b.array());
    }

    /** A JPEG header (SOI, SOF0 with the size, EOI): enough for {@code ImageHeader}, no pixels. */
    private static void jpeg(Path file, int width, int height) throws IOException {
        byte[] d = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) (height >> 8), (byte) height,
            (byte) (width >> 8), (byte) width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, (byte) 0xFF, (byte) 0xD9};
        Files.createDirectories(file.getParent());
        Files.write(file, d);
    }
}
