package io.avreplay.replay.importer.nuscenes;

import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Quaternion;
import io.avreplay.replay.geometry.Vec3;
import java.nio.file.Path;
import java.util.List;

/**
 * The nuScenes v1.0 tables of one dataroot that the importer uses, typed and indexed by token. Times are
 * the tables' microseconds; poses and boxes are in the frames the tables state (ego poses: ego → global;
 * calibrated sensors: sensor → ego; annotations: global frame). Immutable.
 */
final class NuScenesTables {
    /** The table files a v1.0 directory must hold. */
    static final List<String> REQUIRED = List.of("scene", "sample", "sample_data", "ego_pose", "calibrated_sensor",
            "sensor", "sample_annotation", "instance", "category", "attribute", "log");

    /** @param name e.g. {@code scene-0061}; @param logToken the recording it belongs to */
    record Scene(String token, String name, String logToken) {
    }

    /** @param timestampUs µs */
    record Sample(String token, String sceneToken, long timestampUs) {
    }

    /**
     * @param filename    relative to the dataroot
     * @param timestampUs µs
     * @param keyFrame    whether it belongs to an annotated sample (else a sweep between samples)
     */
    record SampleData(String token, String sampleToken, String egoPoseToken, String calibratedSensorToken,
            long timestampUs, String filename, boolean keyFrame) {
    }

    /** @param egoToWorld ego → global */
    record EgoPoseRow(String token, Pose egoToWorld) {
    }

    /** @param sensorToEgo sensor → ego; @param intrinsic row-major 3×3 for cameras, empty for other sensors */
    record CalibratedSensor(String token, String sensorToken, Pose sensorToEgo, double[] intrinsic) {
    }

    /** @param channel e.g. {@code LIDAR_TOP}, {@code CAM_FRONT}; @param modality lidar, camera or radar */
    record Sensor(String token, String channel, String modality) {
    }

    /**
     * A box in the global frame.
     *
     * @param centre   global frame, metres
     * @param size     {@code [width, length, height]}, metres
     * @param rotation box → global
     * @param prev     the same instance's annotation in the previous sample, {@code ""} when none
     * @param next     … in the next sample, {@code ""} when none
     */
    record Annotation(String token, String sampleToken, String instanceToken, List<String> attributeTokens,
            Vec3 centre, double[] size, Quaternion rotation, int numLidarPts, String prev, String next) {
    }

    record Instance(String token, String categoryToken) {
    }

    /** A row of {@code category} or {@code attribute}. */
    record Named(String token, String name) {
    }

    record LogRow(String token, String vehicle, String location, String logfile) {
    }

    final Path versionDir;
    final Table<Scene> scenes;
    final Table<Sample> samples;
    final Table<SampleData> sampleData;
    final Table<EgoPoseRow> egoPoses;
    final Table<CalibratedSensor> calibrated;
    final Table<Sensor> sensors;
    final Table<Annotation> annotations;
    final Table<Instance> instances;
    final Table<Named> categories;
    final Table<Named> attributes;
    final Table<LogRow> logs;

    /**
     * @param versionDir the {@code v1.0-<version>} directory
     * @throws io.avreplay.error.BadInputException naming the table file and record on any missing or malformed table
     */
    NuScenesTables(Path versionDir) {
        this.versionDir = versionDir;
        scenes = Table.read(versionDir, "scene", r -> new Scene(r.token(), r.text("name"), r.text("log_token")));
        samples = Table.read(versionDir, "sample", r -> new Sample(r.token(), r.text("scene_token"), r.integer("timestamp")));
        sampleData = Table.read(versionDir, "sample_data", r -> new SampleData(r.token(), r.text("sample_token"),
                r.text("ego_pose_token"), r.text("calibrated_sensor_token"), r.integer("timestamp"), r.text("filename"),
                r.bool("is_key_frame")));
        egoPoses = Table.read(versionDir, "ego_pose",
                r -> new EgoPoseRow(r.token(), new Pose(r.quaternion("rotation"), r.vec3("translation"))));
        calibrated = Table.read(versionDir, "calibrated_sensor", r -> new CalibratedSensor(r.token(), r.text("sensor_token"),
                new Pose(r.quaternion("rotation"), r.vec3("translation")), r.matrix3OrEmpty("camera_intrinsic")));
        sensors = Table.read(versionDir, "sensor", r -> new Sensor(r.token(), r.text("channel"), r.text("modality")));
        annotations = Table.read(versionDir, "sample_annotation", NuScenesTables::annotation);
        instances = Table.read(versionDir, "instance", r -> new Instance(r.token(), r.text("category_token")));
        categories = Table.read(versionDir, "category", r -> new Named(r.token(), r.text("name")));
        attributes = Table.read(versionDir, "attribute", r -> new Named(r.token(), r.text("name")));
        logs = Table.read(versionDir, "log", r -> new LogRow(r.token(), r.textOrEmpty("vehicle"), r.textOrEmpty("location"),
                r.textOrEmpty("logfile")));
    }

    private static Annotation annotation(TableRow r) {
        double[] size = r.numbers("size", 3);
        if (!(size[0] > 0 && size[1] > 0 && size[2] > 0)) {
            throw r.error("size", "expected [w, l, h] all > 0, got [" + size[0] + ", " + size[1] + ", " + size[2] + "]");
        }
        long points = r.integer("num_lidar_pts");
        if (points < 0) {
            throw r.error("num_lidar_pts", "expected >= 0, got " + points);
        }
        return new Annotation(r.token(), r.text("sample_token"), r.text("instance_token"),
                List.copyOf(r.texts("attribute_tokens")), r.vec3("translation"), size, r.quaternion("rotation"),
                (int) points, r.textOrEmpty("prev"), r.textOrEmpty("next"));
    }

    /** The version, e.g. {@code v1.0-mini}. */
    String version() {
        return versionDir.getFileName().toString();
    }
}
