package io.avreplay.replay.importer.nuscenes;

import io.avreplay.error.BadInputException;
import io.avreplay.replay.arrow.LogWriter;
import io.avreplay.replay.geometry.Pose;
import io.avreplay.replay.geometry.Vec3;
import io.avreplay.replay.importer.ImageHeader;
import io.avreplay.replay.importer.ImportOptions;
import io.avreplay.replay.importer.PointRecordFile;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.CalibratedSensor;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.LogRow;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.SampleData;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Scene;
import io.avreplay.replay.importer.nuscenes.NuScenesTables.Sensor;
import io.avreplay.replay.log.CameraFrame;
import io.avreplay.replay.log.CameraIntrinsics;
import io.avreplay.replay.log.EgoPose;
import io.avreplay.replay.log.LidarSweep;
import io.avreplay.replay.log.LogMetadata;
import io.avreplay.replay.log.SensorCalibration;
import io.avreplay.replay.object.GroundTruth3d;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one nuScenes scene of the v1.0 tables as one log: every {@code LIDAR_TOP} sweep whose file is
 * present (key frames must be), every camera image likewise, the ego pose of each of those sample_data
 * (velocity by central differences of the global translation), calibration from
 * {@code calibrated_sensor}, and the sample's boxes in the ego frame at each key-frame lidar timestamp.
 * Not thread-safe.
 */
final class NuScenesSceneLog {
    /** A sample_data row with its resolved calibration, sensor and file. */
    private record Frame(SampleData sd, CalibratedSensor cs, Sensor sensor, Path file) {
        long timestampNs() {
            return sd.timestampUs() * 1000L;
        }
    }

    private static final Comparator<Frame> BY_TIME =
            Comparator.comparingLong((Frame f) -> f.sd().timestampUs()).thenComparing(f -> f.sd().token());

    private final NuScenesTables tables;
    private final SampleBoxes sampleBoxes;
    private final Scene scene;
    private final List<Frame> lidar = new ArrayList<>();
    private final Map<String, List<Frame>> cameras = new TreeMap<>();
    int sensorFrames;
    int boxes3d;
    int listedFrames;
    int missingSweeps;

    /**
     * @param dataroot the directory {@code sample_data.filename} is relative to
     * @param data     this scene's sample_data rows
     */
    NuScenesSceneLog(NuScenesTables tables, SampleBoxes sampleBoxes, Path dataroot, Scene scene, List<SampleData> data) {
        this.tables = tables;
        this.sampleBoxes = sampleBoxes;
        this.scene = scene;
        for (SampleData sd : data) {
            CalibratedSensor cs = tables.calibrated.get(sd.calibratedSensorToken(), "sample_data", sd.token(),
                    "calibrated_sensor_token");
            Sensor sensor = tables.sensors.get(cs.sensorToken(), "calibrated_sensor", cs.token(), "sensor_token");
            boolean isLidar = sensor.channel().equals(NuScenesImporter.LIDAR);
            boolean isCamera = sensor.modality().equals("camera");
            if (!isLidar && !isCamera) {
                continue;
            }
            listedFrames++;
            Path file = dataroot.resolve(sd.filename());
            if (!Files.isRegularFile(file)) {
                if (sd.keyFrame()) {
                    throw new BadInputException(tables.sampleData.file() + ": record '" + sd.token() + "'.filename: key frame "
                            + file + " does not exist");
                }
                missingSweeps++;
                continue;
            }
            Frame f = new Frame(sd, cs, sensor, file);
            if (isLidar) {
                lidar.add(f);
            } else {
                cameras.computeIfAbsent(sensor.channel(), k -> new ArrayList<>()).add(f);
            }
        }
        lidar.sort(BY_TIME);
        cameras.values().forEach(l -> l.sort(BY_TIME));
    }

    /** The scene name with characters outside {@code [A-Za-z0-9._-]} replaced by {@code _}. */
    String logId() {
        return scene.name().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    void write(Path dest, BufferAllocator allocator, ImportOptions options, PointCountCheck check) {
        TreeMap<Long, Pose> poses = poses();
        try (LogWriter w = LogWriter.create(dest, metadata(), allocator, options.write())) {
            writePoses(w, poses);
            int total = lidar.size() + cameras.values().stream().mapToInt(List::size).sum();
            int done = 0;
            for (Frame f : lidar) {
                if (done == 0) {
                    w.addCalibration(SensorCalibration.lidar(NuScenesImporter.LIDAR, f.cs().sensorToEgo()));
                }
                writeSweep(w, f, poses.get(f.timestampNs()), check);
                options.progress().step(logId(), ++done, total);
            }
            for (List<Frame> frames : cameras.values()) {
                for (Frame f : frames) {
                    writeImage(w, f, f == frames.get(0));
                    options.progress().step(logId(), ++done, total);
                }
            }
            w.commit();
        }
    }

    private void writeSweep(LogWriter w, Frame f, Pose egoToWorld, PointCountCheck check) {
        float[][] p = PointRecordFile.read(f.file(), "x", "y", "z", "intensity", "ring");
        int n = p[0].length;
        byte[] ring = new byte[n];
        for (int i = 0; i < n; i++) {
            ring[i] = (byte) Math.round(p[4][i]);
        }
        long t = f.timestampNs();
        LidarSweep sweep = new LidarSweep(NuScenesImporter.LIDAR, t, p[0], p[1], p[2], p[3], ring, new int[n]);
        w.writeLidarSweep(sweep);
        sensorFrames++;
        if (f.sd().keyFrame()) {
            List<GroundTruth3d> boxes = sampleBoxes.egoFrame(f.sd().sampleToken(), egoToWorld);
            w.writeAnnotations3d(t, boxes);
            boxes3d += boxes.size();
            check.check(sweep, f.cs().sensorToEgo(), boxes);
        }
    }

    private void writeImage(LogWriter w, Frame f, boolean first) {
        byte[] data = PointRecordFile.readBytes(f.file());
        ImageHeader h = ImageHeader.parse(data, f.file().toString());
        if (first) {
            double[] k = f.cs().intrinsic();
            if (k.length != 9) {
                throw new BadInputException(tables.calibrated.file() + ": record '" + f.cs().token()
                        + "'.camera_intrinsic: expected a 3x3 matrix for camera " + f.sensor().channel() + ", got []");
            }
            w.addCalibration(SensorCalibration.camera(f.sensor().channel(), f.cs().sensorToEgo(),
                    CameraIntrinsics.pinhole(k[0], k[4], k[2], k[5], h.width(), h.height())));
        }
        w.writeCameraFrame(new CameraFrame(f.sensor().channel(), f.timestampNs(), h.encoding(), data, h.width(), h.height()));
        sensorFrames++;
    }

    /** The ego pose (ego → global) of every imported sample_data, by ns; the first row wins a shared timestamp. */
    private TreeMap<Long, Pose> poses() {
        List<Frame> all = new ArrayList<>(lidar);
        cameras.values().forEach(all::addAll);
        all.sort(BY_TIME);
        TreeMap<Long, Pose> out = new TreeMap<>();
        for (Frame f : all) {
            out.putIfAbsent(f.timestampNs(), tables.egoPoses.get(f.sd().egoPoseToken(), "sample_data", f.sd().token(),
                    "ego_pose_token").egoToWorld());
        }
        return out;
    }

    private static void writePoses(LogWriter w, TreeMap<Long, Pose> poses) {
        List<Long> ts = new ArrayList<>(poses.keySet());
        for (int k = 0; k < ts.size(); k++) {
            long prev = ts.get(Math.max(0, k - 1));
            long next = ts.get(Math.min(ts.size() - 1, k + 1));
            Vec3 v = Vec3.ZERO;
            if (next > prev) {
                v = poses.get(next).translation().minus(poses.get(prev).translation()).times(1e9 / (next - prev));
            }
            w.writeEgoPose(new EgoPose(ts.get(k), poses.get(ts.get(k)), v));
        }
    }

    private LogMetadata metadata() {
        LogRow log = tables.logs.get(scene.logToken(), "scene", scene.token(), "log_token");
        Map<String, String> tags = new TreeMap<>();
        tags.put("source", "nuscenes");
        tags.put("nuscenes.version", tables.version());
        tags.put("nuscenes.scene_token", scene.token());
        tags.put("nuscenes.scene_name", scene.name());
        tags.put("nuscenes.log_file", log.logfile());
        for (Frame f : lidar) {
            if (f.sd().keyFrame()) {
                tags.put(NuScenesImporter.SAMPLE_TOKEN_TAG + f.timestampNs(), f.sd().sampleToken());
            }
        }
        return new LogMetadata(logId(), log.vehicle().isEmpty() ? "unknown" : log.vehicle(),
                log.location().isEmpty() ? "unknown" : log.location(), tags);
    }
}
